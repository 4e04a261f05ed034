'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/authed-action';
import { deleteMedia } from '@/lib/media/delete-media';
import { listMedia } from '@/lib/media/list-media';
import { mediaId } from '@/lib/media/schemas';

const PICKER_PAGE_SIZE = 24;

/** The media picker's list: the library the member may read, searched, images only for image fields. */
export const searchMediaForPicker = authedAction(
  z.object({
    search: z.string().trim().max(200, 'Search at most 200 characters').optional(),
    imagesOnly: z.boolean().optional(),
    page: z.number().int().min(1).max(100_000).default(1),
  }),
  (input, actor) => listMedia(actor, { ...input, pageSize: PICKER_PAGE_SIZE }),
);

/** Delete one media item from the detail panel; refused, naming the content, while content uses it. */
export const deleteMediaAction = authedAction(z.object({ id: mediaId }), async ({ id }, actor) => {
  const deleted = await deleteMedia(actor, id);
  revalidatePath('/media');
  return deleted;
});
