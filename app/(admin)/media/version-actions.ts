'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/authed-action';
import { mediaId, versionId } from '@/lib/media/schemas';
import { deleteVersion } from '@/lib/versions/delete-version';
import { restoreVersion } from '@/lib/versions/restore-version';

const versionInput = z.object({ id: mediaId, versionId });

/** The panel's History: "Restore this version" (a re-upload from the kept bytes). */
export const restoreVersionAction = authedAction(versionInput, async ({ id, versionId }, actor) => {
  const record = await restoreVersion(actor, id, versionId);
  revalidatePath('/media');
  return { id: record.id, versionedUrl: record.versionedUrl };
});

/** The panel's History: "Delete version" (its bytes are removed from storage). */
export const deleteVersionAction = authedAction(versionInput, async ({ id, versionId }, actor) => {
  const done = await deleteVersion(actor, id, versionId);
  revalidatePath('/media');
  return done;
});
