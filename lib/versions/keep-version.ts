import 'server-only';
import { desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { mediaVersions, type Media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { config } from '@/lib/config';
import { newId } from '@/lib/ids';
import { journalGarbage, type Garbage } from '@/lib/media/storage-journal';

/** Who a version names as having replaced it. */
export const actorLabel = (actor: Actor) => (actor.type === 'member' ? actor.name : `API key ${actor.name}`);

/**
 * Inside the transaction of a re-upload (or a version restore): the bytes `current` stops serving become its newest
 * version, and past `KURA_KEEP_VERSIONS` the oldest are journalled as garbage. Answers what to remove after commit.
 */
export async function keepVersion(tx: Tx, actor: Actor, current: Media): Promise<Garbage> {
  const keep = config().KURA_KEEP_VERSIONS;
  if (keep === 0) {
    await journalGarbage(tx, current.storage, current.storageKey);
    return [{ storage: current.storage, key: current.storageKey }];
  }
  await tx.insert(mediaVersions).values({
    id: newId(),
    mediaId: current.id,
    mimeType: current.mimeType,
    extension: current.extension,
    size: current.size,
    sha256: current.sha256,
    width: current.width,
    height: current.height,
    alt: current.alt,
    storage: current.storage,
    storageKey: current.storageKey,
    uploadedAt: current.updatedAt,
    keptAt: new Date(),
    keptBy: actorLabel(actor),
  });
  return await trimVersions(tx, current.id, keep);
}

/** Drops the versions of one media past the newest `keep`, journalling their bytes as garbage. */
async function trimVersions(tx: Tx, mediaId: string, keep: number): Promise<Garbage> {
  const surplus = await tx
    .select({ id: mediaVersions.id })
    .from(mediaVersions)
    .where(eq(mediaVersions.mediaId, mediaId))
    .orderBy(desc(mediaVersions.keptAt), desc(mediaVersions.id))
    .offset(keep)
    .limit(1_000_000);
  if (surplus.length === 0) return [];
  const dropped = await tx
    .delete(mediaVersions)
    .where(
      inArray(
        mediaVersions.id,
        surplus.map((s) => s.id),
      ),
    )
    .returning();
  for (const v of dropped) await journalGarbage(tx, v.storage, v.storageKey);
  return dropped.map((v) => ({ storage: v.storage, key: v.storageKey }));
}
