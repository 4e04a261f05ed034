// Design notes: docs/media-previews.md.
import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { LRUCache } from 'lru-cache';
import type { Media } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { processSingleton } from '@/lib/process-singleton';
import type { Storage } from '@/lib/storage/storage';
import { storageNamed } from '@/lib/storage-settings/configured-storages';
import { frameOf, previewKindOf, probeMedia } from './probe-media';

/** Frames made at upload, by content hash, until their thumbnail is in the variant cache. */
const frames = () =>
  processSingleton(
    'previewFrames',
    () => new LRUCache<string, Buffer>({ maxSize: 64 * 1024 * 1024, sizeCalculation: (b) => Math.max(1, b.length) }),
  );

/** Keeps the frame an upload made, so the first thumbnail needs no second run of ffmpeg or pdftoppm. */
export const keepFrame = (sha256: string, frame: Buffer) => frames().set(sha256, frame);

/**
 * The poster frame of a video or the first page of a PDF, as the input of its thumbnail: the upload's copy, or
 * made again from the stored bytes (a thumbnail evicted from the cache, another instance). 404 when there is none.
 */
export async function previewFrame(m: Media): Promise<Buffer> {
  const kept = frames().get(m.sha256);
  if (kept) return kept;
  const kind = previewKindOf(m.mimeType);
  const frame =
    m.hasPreview && kind ? await withLocalFile(storageNamed(m.storage), m.storageKey, (f) => frameOf(f, kind)) : null;
  if (!frame) throw notFound('No preview for this media');
  keepFrame(m.sha256, frame);
  return frame;
}

/**
 * Runs `fn` on a path holding the object: the storage's own, or a temporary copy (a bucket), removed afterwards.
 * ffmpeg needs to seek (an MP4's index may sit at its end), so a stream is not enough.
 */
export async function withLocalFile<T>(storage: Storage, key: string, fn: (file: string) => Promise<T>): Promise<T> {
  if (storage.localPath) return fn(storage.localPath(key));
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), `kura-probe-${randomBytes(4).toString('hex')}-`));
  try {
    const file = path.join(dir, 'object');
    await pipeline(await storage.read(key), fs.createWriteStream(file));
    return await fn(file);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/**
 * Duration or page count and whether a poster frame or first page could be made, for stored bytes (an upload, or a
 * kept version made current again); the frame is kept for the library's thumbnail.
 */
export async function previewFactsOf(storage: Storage, key: string, mimeType: string, sha256: string) {
  const kind = previewKindOf(mimeType);
  const facts = kind
    ? await withLocalFile(storage, key, (file) => probeMedia(file, kind))
    : { duration: null, pageCount: null, frame: null };
  if (facts.frame) keepFrame(sha256, facts.frame);
  return { duration: facts.duration, pageCount: facts.pageCount, hasPreview: facts.frame !== null };
}
