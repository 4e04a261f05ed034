'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/authed-action';
import { findDuplicate } from '@/lib/media/find-duplicate';
import { mergeMedia } from '@/lib/media/merge-media';
import { mergeInput } from '@/lib/media/schemas';

/** The upload list, before sending a file: the media item that already holds these bytes, if the member may see it. */
export const findDuplicateAction = authedAction(
  z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 is 64 lowercase hex characters') }),
  async ({ sha256 }, actor) => await findDuplicate(actor, sha256),
);

/** The Duplicates view's "Keep this one": the rest of the group is merged into it (near-duplicates once confirmed). */
export const mergeMediaAction = authedAction(mergeInput, async (input, actor) => {
  const report = await mergeMedia(actor, input);
  revalidatePath('/media');
  return report;
});
