'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/authed-action';
import { createApi } from '@/lib/content/create-api';
import { createContent } from '@/lib/content/create-content';
import { deleteContent } from '@/lib/content/delete-content';
import { createApiInput, contentId } from '@/lib/content/schemas';
import { updateApi } from '@/lib/content/update-api';
import { updateContent } from '@/lib/content/update-content';
import { writeObject } from '@/lib/content/write-object';

/** Create an API (Administrators). */
export const createApiAction = authedAction(createApiInput, async (input, actor) => {
  const created = await createApi(actor, input);
  revalidatePath('/apis', 'layout');
  return created;
});

/** Rename an API and change its fields (Administrators). */
export const updateApiAction = authedAction(createApiInput, async (input, actor) => {
  const updated = await updateApi(actor, input.endpoint, input);
  revalidatePath('/apis', 'layout');
  return updated;
});

const saveContentInput = z.object({
  endpoint: z.string().min(1),
  id: contentId.optional(),
  /** An object API's one item (no id: the API is enough). */
  object: z.boolean().optional(),
  values: z.record(z.string(), z.unknown()),
});

/** Create a content item, or change one (or an object API's item); values use the content API's write shapes. */
export const saveContentAction = authedAction(saveContentInput, async ({ endpoint, id, object, values }, actor) => {
  const saved = object
    ? await writeObject(actor, endpoint, values)
    : id
      ? await updateContent(actor, endpoint, id, values)
      : await createContent(actor, endpoint, values);
  revalidatePath('/apis', 'layout');
  revalidatePath('/media');
  return saved;
});

/** Delete a content item (its references go with it). */
export const deleteContentAction = authedAction(
  z.object({ endpoint: z.string().min(1), id: contentId }),
  async ({ endpoint, id }, actor) => {
    await deleteContent(actor, endpoint, id);
    revalidatePath('/apis', 'layout');
    revalidatePath('/media');
    return { id };
  },
);
