import 'server-only';
import { and, inArray } from 'drizzle-orm';
import { transaction } from '@/db';
import { mediaTrash } from '@/db/schema';
import { recordActivity } from '@/lib/activity/record-activity';
import type { Actor } from '@/lib/auth/actor';
import { assertMediaRight } from '@/lib/permissions/media';
import { removeGarbage } from '@/lib/media/storage-journal';
import { dropTrashed } from './drop-trashed';
import { trashScope } from './move-to-trash';

export type PermanentOutcome = { id: string; deleted: true } | { id: string; deleted: false; reason: string };

/** "Delete permanently" in Trash: the rows go and their bytes (and kept versions) are removed from storage. */
export async function deleteTrashedMedia(actor: Actor, ids: string[]): Promise<PermanentOutcome[]> {
  assertMediaRight(actor, 'delete');
  const wanted = [...new Set(ids)];
  const { items, garbage } = await transaction(async (tx) => {
    const dropped = await dropTrashed(tx, and(inArray(mediaTrash.mediaId, wanted), trashScope(actor))!);
    await recordActivity(
      tx,
      actor,
      dropped.items.map((i) => ({
        operation: 'purge' as const,
        mediaId: i.mediaId,
        target: i.fileName,
        before: { fileName: i.fileName, size: i.size, trashedAt: i.trashedAt.toISOString() },
        after: null,
      })),
    );
    return dropped;
  });
  await removeGarbage(garbage);
  const gone = new Set(items.map((i) => i.mediaId));
  return wanted.map((id) =>
    gone.has(id) ? { id, deleted: true } : { id, deleted: false, reason: 'No such media in Trash' },
  );
}
