import 'server-only';
import { inArray, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db';
import { mediaTrash, mediaVersions, type TrashedMedia } from '@/db/schema';
import { journalSharedVariants } from '@/lib/image-api/shared-variants';
import { journalGarbage, type Garbage } from '@/lib/media/storage-journal';
import { thawedRow } from './move-to-trash';

/**
 * Inside a transaction: deletes these Trash rows for good and journals their bytes, their kept versions and their
 * bucket variants (when no media keeps the same content) as garbage. Remove what it answers after commit with
 * `removeGarbage`; a crash in between leaves it to the sweeper.
 */
export async function dropTrashed(tx: Tx, where: SQL): Promise<{ items: TrashedMedia[]; garbage: Garbage }> {
  const items = await tx.delete(mediaTrash).where(where).returning();
  const garbage: Garbage = [];
  if (items.length === 0) return { items, garbage };
  for (const item of items) {
    const row = thawedRow(item.row);
    await journalGarbage(tx, row.storage, row.storageKey);
    garbage.push({ storage: row.storage, key: row.storageKey });
    const folder = await journalSharedVariants(tx, row);
    if (folder) garbage.push(folder);
  }
  const versions = await tx
    .delete(mediaVersions)
    .where(
      inArray(
        mediaVersions.mediaId,
        items.map((i) => i.mediaId),
      ),
    )
    .returning();
  for (const v of versions) {
    await journalGarbage(tx, v.storage, v.storageKey);
    garbage.push({ storage: v.storage, key: v.storageKey });
  }
  return { items, garbage };
}
