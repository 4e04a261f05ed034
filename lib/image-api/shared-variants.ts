// Design notes: docs/image-api.md ("Variants shared through the bucket") and docs/scale-out.md.
import 'server-only';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { media, type Media } from '@/db/schema';
import { journalGarbage, removeJournalled } from '@/lib/media/storage-journal';
import { configuredStorage, isS3 } from '@/lib/storage-settings/configured-storages';
import type { S3Storage } from '@/lib/storage/s3';

/**
 * Several instances share one bucket: a variant of media kept in S3 is also written there (behind the answer), and
 * an instance that misses it in its own cache reads it from there before rendering, so N instances render each
 * variant about once. The bucket keeps the variant in the same file format as the disk cache; media on local disk
 * (one instance) keep variants on that disk only.
 */
function bucketOf(m: Media): S3Storage | null {
  const storage = configuredStorage(m.storage);
  return storage && isS3(storage) ? storage : null;
}

/** The variant's stored entry from the bucket, or null (not there, or the bucket out of reach: render). */
export async function readSharedVariant(m: Media, planHash: string): Promise<Buffer | null> {
  const bucket = bucketOf(m);
  if (!bucket) return null;
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await bucket.read(bucket.variantKey(m.sha256, planHash))) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } catch {
    return null;
  }
}

/** Keeps a rendered entry in the bucket for the other instances; a failure only means they render it too. */
export function writeSharedVariant(m: Media, planHash: string, entry: Buffer[], contentType: string): void {
  const bucket = bucketOf(m);
  if (!bucket) return;
  bucket
    .write(bucket.variantKey(m.sha256, planHash), Readable.from(entry), {
      contentType,
      cacheControl: 'private, no-store', // read by Kura only: delivery answers with its own headers
    })
    .catch((err) => console.error('[kura] could not keep a variant in the bucket; other instances render it', err));
}

/**
 * Inside the transaction that stops using `old`'s bytes (delete, re-upload): when no media of that bucket keeps
 * the same content any more, its variants in the bucket are journalled for removal. Answers the journalled key
 * (remove it after commit with `removeJournalled`, as the original's), or null.
 */
export async function journalSharedVariants(
  tx: Tx,
  old: Pick<Media, 'storage' | 'sha256' | 'kind'>,
): Promise<{ storage: string; key: string } | null> {
  if (old.kind !== 'image') return null; // files have no variants
  const bucket = configuredStorage(old.storage);
  if (!bucket || !isS3(bucket)) return null;
  const same = await tx
    .select({ id: media.id })
    .from(media)
    .where(and(eq(media.storage, old.storage), eq(media.sha256, old.sha256)))
    .limit(1);
  if (same.length > 0) return null;
  const folder = { storage: old.storage, key: bucket.variantFolder(old.sha256) };
  await journalGarbage(tx, folder.storage, folder.key);
  return folder;
}

/** Removes what {@link journalSharedVariants} journalled, after commit (a failure is left to the sweeper). */
export async function removeSharedVariants(folders: ({ storage: string; key: string } | null)[]): Promise<void> {
  for (const f of folders) if (f) await removeJournalled(f.storage, f.key);
}
