import 'server-only';
import { pipeline, type Readable } from 'node:stream';
import type { MediaKind } from '@/db/schema';
import { config } from '@/lib/config';
import { RoomGuard } from '@/lib/disk/room';
import { badRequest, KuraError } from '@/lib/errors';
import { refreshSettings } from '@/lib/settings/snapshot';
import { uploadStorage } from '@/lib/storage-settings/configured-storages';
import { journalUpload, removeJournalled } from './storage-journal';
import { isPassive } from './delivery-headers';
import { formatBytes } from './format-bytes';
import { imageFactsOf, type ImageFacts } from './image-facts';
import { Meter } from './meter';
import { probeImageSize } from './probe-image';
import { previewFactsOf } from './preview-frame';
import { readHead } from './read-head';
import { sniffType } from './sniff';

/** Enough of the start of a file to sniff its type and read an image header. */
const HEAD_BYTES = 1024 * 1024;

export const uploadLimitMessage = (max: number) =>
  `The file is larger than the upload limit of ${formatBytes(max)} (${max} bytes)`;

/** Keys are never reused (every write, re-uploads too, gets a new one), so a stored object never changes. */
const OBJECT_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Bytes written under a new key, journalled as an upload until a transaction makes them live. */
export type StoredBytes = {
  storage: string;
  key: string;
  kind: MediaKind;
  mimeType: string;
  extension: string;
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  /** Video and audio: seconds; PDF: pages; whether a poster frame or first page was made (docs/media-previews.md). */
  duration: number | null;
  pageCount: number | null;
  hasPreview: boolean;
  /** Images: the placeholders of records (blurhash, dominant colour, alpha); nulls otherwise. */
  placeholders: ImageFacts;
};

/**
 * Streams a file into storage under a fresh key: sniffed, hashed and counted on the way, refused past
 * the upload limit and at the disk's reserve. The key is journalled before the first byte; the caller clears
 * the journal entry
 * in the transaction that makes the bytes live (or calls `discard`). `expectKind` refuses a file of
 * another kind from its first bytes, before anything is written.
 */
export async function storeBytes(
  stream: Readable,
  opts: { keyFor: string; fileName: string; expectKind?: MediaKind; declaredBytes?: number | null },
): Promise<StoredBytes> {
  const max = config().KURA_MAX_UPLOAD_BYTES;
  const { head, body } = await readHead(stream, HEAD_BYTES);
  if (head.length === 0) throw badRequest('The file is empty');
  if (head.length > max) throw new KuraError('too_large', uploadLimitMessage(max));
  const type = await sniffType(head);
  if (opts.expectKind && type.kind !== opts.expectKind) {
    throw badRequest(
      `A re-upload must be of the same kind: this media is ${article(opts.expectKind)}, ` +
        `the new file is ${article(type.kind)} (${type.mimeType})`,
    );
  }
  const meter = new Meter(max, () => new KuraError('too_large', uploadLimitMessage(max)));
  await refreshSettings(); // where uploads go may have changed on another instance a moment ago
  const storage = uploadStorage();
  const key = storage.newKey(opts.keyFor, opts.fileName);
  await journalUpload(storage.name, key);
  try {
    // pipeline() carries an error of the source (a client gone) into the write, which then fails.
    // A bucket serves its objects itself (direct-bucket mode), without delivery's sandbox: active types download.
    const contentDisposition = isPassive(type.mimeType) ? undefined : 'attachment';
    // On this machine's disk the bytes keep clear of KURA_MIN_FREE_BYTES (lib/disk/room.ts); a bucket has its own room.
    const counted = pipeline(body, meter, () => {});
    await storage.write(
      key,
      storage.localPath ? pipeline(counted, new RoomGuard(opts.declaredBytes ?? null), () => {}) : counted,
      { contentType: type.mimeType, cacheControl: OBJECT_CACHE_CONTROL, contentDisposition },
    );
    const dims =
      type.kind === 'image'
        ? ((await probeImageSize(head)) ?? (storage.localPath ? await probeImageSize(storage.localPath(key)) : null))
        : null;
    const sha256 = meter.digest();
    const previews = await previewFactsOf(storage, key, type.mimeType, sha256);
    const placeholders = await imageFactsOf({
      storage: storage.name,
      storageKey: key,
      kind: type.kind,
      width: dims?.width ?? null,
      height: dims?.height ?? null,
      whole: meter.size === head.length ? head : undefined,
    });
    return {
      storage: storage.name,
      key,
      kind: type.kind,
      mimeType: type.mimeType,
      extension: type.extension,
      size: meter.size,
      sha256,
      width: dims?.width ?? null,
      height: dims?.height ?? null,
      ...previews,
      placeholders,
    };
  } catch (err) {
    await removeJournalled(storage.name, key);
    throw err;
  }
}

/** Removes stored bytes that never became live (a failed commit or an incomplete request). */
export const discard = (bytes: StoredBytes) => removeJournalled(bytes.storage, bytes.key);

const article = (kind: MediaKind) => (kind === 'image' ? 'an image' : 'a file');
