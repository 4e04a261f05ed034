import 'server-only';
import { and, eq, isNull, or } from 'drizzle-orm';
import { db, transaction } from '@/db';
import { media } from '@/db/schema';

/** Images one sweep gives placeholders to: a decode each, so older libraries are filled a batch at a time. */
const BATCH = 200;

/**
 * The sweeper's part for images uploaded before placeholders (or their difference hash) existed: computes them once.
 * An image that cannot be decoded gets an empty blurhash and dhash, so it is tried once only (records leave the
 * placeholders out, the Duplicates view skips it).
 */
export async function backfillImageFacts(): Promise<number> {
  const rows = await db()
    .select({
      id: media.id,
      sha256: media.sha256,
      storage: media.storage,
      storageKey: media.storageKey,
      kind: media.kind,
      width: media.width,
      height: media.height,
    })
    .from(media)
    .where(and(eq(media.kind, 'image'), or(isNull(media.blurhash), isNull(media.dhash))))
    .limit(BATCH);
  if (rows.length === 0) return 0;
  // Loaded only when there is work: sharp and libvips are ≈ 19 MiB of memory a start needs not.
  const { imageFactsOf } = await import('./image-facts');
  for (const row of rows) {
    const facts = await imageFactsOf(row);
    // Written only over the bytes that were read: a re-upload meanwhile computed its own.
    await transaction((tx) =>
      tx
        .update(media)
        .set({ ...facts, blurhash: facts.blurhash ?? '', dhash: facts.dhash ?? '' })
        .where(and(eq(media.id, row.id), eq(media.sha256, row.sha256))),
    );
  }
  return rows.length;
}
