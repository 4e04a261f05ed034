// Design notes: docs/image-api.md (the variant cache and its memory layer).
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import type { Media } from '@/db/schema';
import { config } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';
import { storageNamed } from '@/lib/storage-settings/configured-storages';
import { freeSpace } from '@/lib/disk/free-space';
import { CacheIndex, allocatedBytes } from './cache-index';
import { checkBeforeReading } from './check-stored-size';
import { previewFrame } from '@/lib/media/preview-frame';
import { kuraUrl } from '@/lib/media/urls';
import { isOwnTransform, isOwnWatermarkPreset } from './own-transforms';
import type { TransformPlan } from './plan';
import { RenderQueue } from './render-queue';
import { keyWithoutEdit } from './stored-edit';
import { undecodableImages } from './undecodable-images';
import { readSharedVariant, writeSharedVariant } from './shared-variants';
import { farBelowBound, reserveVariant } from './variant-bound';

export type Variant = { data: Buffer; contentType: string; etag: string; cache: 'hit' | 'miss' | 'shared' };

// One queue, one index and one in-flight map per server process, made on first use (config is read then).
const cache = () =>
  processSingleton('variantCache', () => {
    const c = config();
    const root = path.join(c.dataDir, 'cache', 'variants');
    const hot = hotVariants();
    return {
      root,
      queue: new RenderQueue(c.KURA_IMAGE_RENDERS, c.KURA_IMAGE_QUEUE),
      index: new CacheIndex(
        root,
        { maxBytes: c.KURA_IMAGE_CACHE_BYTES, maxEntries: c.KURA_IMAGE_CACHE_ENTRIES },
        (file) => hot.delete(file),
      ),
      inFlight: new Map<string, Promise<Variant>>(),
      hot,
    };
  });

/**
 * The bytes of one transform of one media version, from the disk cache or rendered once: concurrent
 * requests for a new variant share one encode. Files live under the content hash
 * (`variants/ab/abcd…/<plan hash>`), so a re-upload can never serve a variant of the old bytes, and
 * every variant of one file sits in one directory. Written atomically (temp + rename) with its length in
 * the header: a partial or empty file is never served, only rendered again.
 */
export async function getVariant(m: Media, plan: TransformPlan, extras: VariantExtras = {}): Promise<Variant> {
  const { root, index, inFlight, hot } = cache();
  const planHash = createHash('sha256').update(plan.cacheKey).digest('hex').slice(0, 40);
  const file = path.join(root, m.sha256.slice(0, 2), m.sha256, planHash);
  const etag = `"v-${createHash('sha256').update(`${m.sha256}\n${plan.cacheKey}`).digest('hex').slice(0, 32)}"`;
  // Memory is checked again after the file read: a render that finished meanwhile is in memory before it
  // leaves `inFlight`, and its file may still be being written.
  const cached = hot.get(file) ?? (index.mayHave(file) ? await readEntry(file) : null) ?? hot.get(file);
  if (cached) {
    index.hit(file, allocatedBytes(cached.fileBytes));
    hot.set(file, cached);
    return { data: cached.data, contentType: cached.contentType, etag, cache: 'hit' };
  }
  const shared = inFlight.get(file);
  if (shared) return { ...(await shared), cache: 'shared' };
  const failed = undecodableImages.get(m.sha256);
  if (failed) throw failed;
  // Refused before the queue and before any byte of the original is read: stored size, then the bound.
  checkBeforeReading(m, plan);
  // In flight from here on, before the first await: a second request for this variant shares this render.
  // Kura's own transforms stay its own on an edited image.
  const bare = plan.edit === null ? plan : { ...plan, edit: null, cacheKey: keyWithoutEdit(plan) };
  const own = isOwnTransform(bare.cacheKey) || isOwnWatermarkPreset(bare, new URL(kuraUrl(m)).pathname, m.sha256);
  const job = (async () => {
    // Another instance may have rendered it: media in a bucket keep their variants there too.
    const shared = parseEntry(await readSharedVariant(m, planHash));
    if (shared) {
      hot.set(file, shared);
      keepOnDisk(file, ...splitEntry(shared));
      return { data: shared.data, contentType: shared.contentType, etag, cache: 'hit' as const };
    }
    // Far below the bound (as last seen here) the place is reserved while the image renders, and the variant is
    // kept only once it has its place; otherwise first, so a refused variant costs no render.
    const max = config().KURA_MAX_VARIANTS_PER_MEDIA;
    const alongside = !own && farBelowBound(m, max, inFlight.size);
    const reservation = own ? null : reserveVariant(m, planHash, max);
    reservation?.catch(() => {}); // its refusal is answered by whoever awaits it below
    if (reservation && !alongside) await reservation;
    try {
      return await render(m, plan, file, etag, extras, planHash, reservation);
    } catch (err) {
      const release = await reservation?.catch(() => null);
      await release?.();
      undecodableImages.note(m.sha256, err);
      throw err;
    }
  })().finally(() => inFlight.delete(file));
  inFlight.set(file, job);
  return job;
}

/**
 * Frees at least `bytes` of the data directory's disk by deleting least recently used variants (as many as there
 * are), for an upload that would not fit otherwise; resolves to the bytes freed. A deleted variant is rendered
 * again when next asked for.
 */
export async function yieldVariantSpace(bytes: number): Promise<number> {
  return cache().index.release(bytes);
}

/** Bytes the variant cache takes on disk, as far as this process knows (Media settings → Usage). */
export const variantCacheBytes = (): number => cache().index.totalBytes;

/** What a variant needs besides its media and plan: the watermark media of `plan.mark` and its own plan. */
export interface VariantExtras {
  readonly mark?: { readonly media: Media; readonly plan: TransformPlan | null } | null;
}

/**
 * The stored bytes of a media: a local path, or the whole object read from its storage. A video's or PDF's
 * thumbnail is drawn from its poster frame or first page instead (lib/media/preview-frame.ts).
 */
async function inputOf(m: Media): Promise<Buffer | string> {
  if (m.kind !== 'image') return previewFrame(m);
  const storage = storageNamed(m.storage);
  return storage.localPath ? storage.localPath(m.storageKey) : readAll(await storage.read(m.storageKey));
}

async function render(
  m: Media,
  plan: TransformPlan,
  file: string,
  etag: string,
  extras: VariantExtras,
  planHash: string,
  reservation: Promise<unknown> | null,
): Promise<Variant> {
  const { queue } = cache();
  return queue.run(async () => {
    const { renderImage } = await renderModule();
    const input = await inputOf(m);
    const mark = extras.mark ? { input: await inputOf(extras.mark.media), plan: extras.mark.plan } : undefined;
    const { KURA_MAX_INPUT_PIXELS, KURA_MAX_OUTPUT_PIXELS } = config();
    const out = await renderImage(input, plan, {
      maxInputPixels: KURA_MAX_INPUT_PIXELS,
      maxOutputPixels: KURA_MAX_OUTPUT_PIXELS,
      onPixelWork: () => traceRender(m),
      mark,
    });
    await reservation; // a variant refused its place (429) is not kept
    const header = Buffer.from(`${MAGIC}\t${out.contentType}\t${out.data.length}\n`);
    const fileBytes = header.length + out.data.length;
    // Answered from memory at once; the file is written behind the answer (a failed write only
    // means the next request after eviction renders again). Never into the disk's reserve, which uploads need more.
    cache().hot.set(file, { data: out.data, contentType: out.contentType, fileBytes });
    writeSharedVariant(m, planHash, [header, out.data], out.contentType);
    keepOnDisk(file, header, out.data);
    return { data: out.data, contentType: out.contentType, etag, cache: 'miss' as const };
  });
}

// sharp (≈ 28 MiB) loads with the first render, not with every module that asks the cache its size at start. Asked
// once: each `import()` of the bundled module went through the chunk loader again, ≈ 0.9 ms of every cold variant.
let renderLoaded: Promise<typeof import('./render')> | null = null;
const renderModule = () =>
  (renderLoaded ??= import('./render').catch((err: unknown) => {
    renderLoaded = null; // asked again by the next render
    throw err;
  }));

/** Memory for the most requested variants: a hit then skips the file system (four thread-pool trips). */
const HOT_BYTES = 64 * 1024 * 1024;
const HOT_ENTRY_MAX = 1024 * 1024;

type Entry = { data: Buffer; contentType: string; fileBytes: number };

/** Least-recently-used, bounded by bytes; only small variants (thumbnails, page images) are kept. */
const hotVariants = () =>
  new LRUCache<string, Entry>({
    maxSize: HOT_BYTES,
    maxEntrySize: HOT_ENTRY_MAX,
    sizeCalculation: (entry) => Math.max(1, entry.data.length), // lru-cache wants a positive size
  });

// An entry is one line `kura-variant<TAB>content type<TAB>byte length`, then the bytes: one file, one
// atomic rename, and a length to check, so a file cut short by a crash is never served.
const MAGIC = 'kura-variant';

async function readEntry(file: string): Promise<Entry | null> {
  return parseEntry(await fs.promises.readFile(file).catch(() => null));
}

/** An entry's bytes as written (header line, then the data), or null when they are not a whole entry. */
function parseEntry(raw: Buffer | null): Entry | null {
  if (!raw) return null;
  const nl = raw.indexOf(10);
  if (nl < 0) return null;
  const [magic, contentType, length] = raw.subarray(0, nl).toString('utf8').split('\t');
  const data = raw.subarray(nl + 1);
  if (magic !== MAGIC || !contentType || Number(length) !== data.length || data.length === 0) return null;
  return { data, contentType, fileBytes: raw.length };
}

/** The header line and the data of an entry, to write it again. */
const splitEntry = (e: Entry): [Buffer, Buffer] => [
  Buffer.from(`${MAGIC}\t${e.contentType}\t${e.data.length}\n`),
  e.data,
];

/** Writes an entry to the disk cache behind the answer, outside the disk's reserve (uploads need it more). */
function keepOnDisk(file: string, header: Buffer, data: Buffer): void {
  roomForVariant(header.length + data.length)
    .then((room) => (room ? writeEntry(file, header, data) : 0))
    .then(
      (allocated) => allocated && cache().index.add(file, allocated),
      (err) => console.error('[kura] could not write a variant to the cache; it will be rendered again', err),
    );
}

/** Writes an entry atomically; resolves to the disk space it takes (blocks, not its length). */
async function writeEntry(file: string, header: Buffer, data: Buffer): Promise<number> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.promises.open(temp, 'w');
  try {
    try {
      await handle.writev([header, data]); // no copy of the bytes into one buffer
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, file);
  } catch (err) {
    await fs.promises.rm(temp, { force: true }); // a full disk leaves no half-written temp file
    throw err;
  }
  const { blocks } = await fs.promises.stat(file);
  return blocks * 512;
}

/** Whether a variant file of `bytes` leaves `KURA_MIN_FREE_BYTES` free on the data directory's disk. */
async function roomForVariant(bytes: number): Promise<boolean> {
  const { freeBytes } = await freeSpace();
  return freeBytes - allocatedBytes(bytes) >= config().KURA_MIN_FREE_BYTES;
}

/** KURA_IMAGE_TRACE=1 (tests): one log line per render that reached the pixels, to count decodes. */
function traceRender(m: Media) {
  if (process.env.KURA_IMAGE_TRACE === '1') console.log(`[kura] image render ${m.id} ${m.sha256}`);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
