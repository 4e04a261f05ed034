import 'server-only';
import { and, asc, count, gt, inArray, lte } from 'drizzle-orm';
import { db, transaction } from '@/db';
import { media } from '@/db/schema';
import { recordActivity } from '@/lib/activity/record-activity';
import type { Actor } from '@/lib/auth/actor';
import { referenceCounts } from '@/lib/content/content-using-media';
import { badRequest } from '@/lib/errors';
import { recordMediaChange } from '@/lib/events/media-change';
import { assertMediaRight, readableMedia } from '@/lib/permissions/media';
import { serviceId } from '@/lib/service/service-id';
import { unreferenced } from './delete-media';
import { moveToTrash, tagsByMedia } from '@/lib/trash/move-to-trash';

const BATCH = 500;
/** How many kept items the report names (the count covers all of them). */
const KEPT_LISTED = 100;

/**
 * "Delete all" from Media settings: every media the actor may read that no content uses, confirmed by
 * typing the service id. Referenced media is kept and counted. Each batch is one transaction (check and
 * move to Trash together); the bytes stay until Trash is emptied or purged.
 */
export async function deleteAllMedia(
  actor: Actor,
  confirmation: string,
): Promise<{ deleted: number; kept: number; keptItems: { id: string; fileName: string; reason: string }[] }> {
  assertMediaRight(actor, 'delete');
  if (confirmation.trim() !== serviceId())
    throw badRequest('Type the service id exactly to confirm deleting all media');
  let deleted = 0;
  let after = '';
  // Only what existed when the admin confirmed: an upload arriving during the run is not theirs to delete.
  const confirmedAt = new Date();
  for (;;) {
    const batch = (
      await db()
        .select({ id: media.id })
        .from(media)
        .where(and(readableMedia(actor), gt(media.id, after), lte(media.createdAt, confirmedAt)))
        .orderBy(asc(media.id))
        .limit(BATCH)
    ).map((r) => r.id);
    if (batch.length === 0) break;
    after = batch[batch.length - 1];
    const gone = await transaction(async (tx) => {
      const tagNames = await tagsByMedia(tx, batch);
      const rows = await tx
        .delete(media)
        .where(and(inArray(media.id, batch), readableMedia(actor), unreferenced(tx)))
        .returning();
      await moveToTrash(tx, actor, rows, tagNames);
      for (const r of rows) await recordMediaChange(tx, actor, { before: r, after: null });
      return rows;
    });
    deleted += gone.length;
  }
  const [{ kept }] = await db().select({ kept: count() }).from(media).where(readableMedia(actor));
  await transaction(
    async (tx) =>
      await recordActivity(tx, actor, [
        { operation: 'delete_all', mediaId: null, target: `${deleted} media`, before: null, after: { deleted, kept } },
      ]),
  );
  const left = await db()
    .select({ id: media.id, fileName: media.fileName })
    .from(media)
    .where(readableMedia(actor))
    .orderBy(asc(media.fileName))
    .limit(KEPT_LISTED);
  const counts = await referenceCounts(left.map((m) => m.id));
  const keptItems = left.map((m) => {
    const n = counts.get(m.id) ?? 0;
    return { ...m, reason: n > 0 ? `used by ${n} content item${n === 1 ? '' : 's'}` : 'uploaded while deleting' };
  });
  return { deleted, kept, keptItems };
}
