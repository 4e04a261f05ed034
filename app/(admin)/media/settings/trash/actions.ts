'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/authed-action';
import { mediaId } from '@/lib/media/schemas';
import { deleteTrashedMedia } from '@/lib/trash/delete-trashed-media';
import { restoreMedia } from '@/lib/trash/restore-media';

/** Trash: Restore one media item (the same id, name and URL come back). */
export const restoreMediaAction = authedAction(z.object({ id: mediaId }), async ({ id }, actor) => {
  const record = await restoreMedia(actor, id);
  revalidatePath('/media');
  return record;
});

/** Trash: Delete permanently (one or the selected items); their bytes are removed from storage. */
export const deletePermanentlyAction = authedAction(
  z.object({ ids: z.array(mediaId).min(1, 'Select at least one item').max(1000) }),
  async ({ ids }, actor) => {
    const outcomes = await deleteTrashedMedia(actor, ids);
    revalidatePath('/media/settings/trash');
    return outcomes;
  },
);
