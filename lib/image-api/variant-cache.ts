import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Media } from '@/db/schema';
import { config } from '@/lib/config';
import { KuraError } from '@/lib/errors';
import { storageNamed } from '@/lib/storage';
import type { TransformPlan } from './plan';
import { renderImage } from './render';

/** Encodes at once: about the core count (sharp itself uses threads per encode). */
const MAX_RENDERS = 2;
/** Renders waiting beyond this are refused with 503 instead of piling up in memory. */
const MAX_WAITING = 32;

export type Variant = { data: Buffer; contentType: string; etag: string; cache: 'hit' | 'miss' | 'shared' };

const inFlight = new Map<string, Promise<Variant>>();
let running = 0;
const waiting: (() => void)[] = [];

/**
 * The bytes of one transform of one media version, from the disk cache or rendered once: concurrent
 * requests for a new variant share one encode. Keyed by the content hash, so a re-upload can never
 * serve a variant of the old bytes. Written atomically (temp + rename): a partial file is never read.
 */
export async function getVariant(m: Media, plan: TransformPlan): Promise<Variant> {
  const id = createHash('sha256').update(`${m.sha256}\n${plan.cacheKey}`).digest('hex');
  const file = path.join(config().dataDir, 'cache', 'variants', id.slice(0, 2), id);
  const etag = `"v-${id.slice(0, 32)}"`;
  const cached = await readEntry(file);
  if (cached) return { ...cached, etag, cache: 'hit' };
  const shared = inFlight.get(id);
  if (shared) return { ...(await shared), cache: 'shared' };
  const job = render(m, plan, file, etag).finally(() => inFlight.delete(id));
  inFlight.set(id, job);
  return job;
}

async function render(m: Media, plan: TransformPlan, file: string, etag: string): Promise<Variant> {
  await acquire();
  try {
    const storage = storageNamed(m.storage);
    const input = storage.localPath ? storage.localPath(m.storageKey) : await readAll(await storage.read(m.storageKey));
    const out = await renderImage(input, plan, { maxInputPixels: config().KURA_MAX_INPUT_PIXELS });
    await writeEntry(file, out.contentType, out.data);
    return { data: out.data, contentType: out.contentType, etag, cache: 'miss' };
  } finally {
    release();
  }
}

function acquire(): Promise<void> {
  if (running < MAX_RENDERS) {
    running++;
    return Promise.resolve();
  }
  if (waiting.length >= MAX_WAITING) {
    const busy = new KuraError('unavailable', 'Too many images are being transformed right now: try again in a moment');
    return Promise.reject(busy);
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function release() {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

// An entry is the content type, a newline, then the bytes: one file, one atomic rename.
async function readEntry(file: string): Promise<{ data: Buffer; contentType: string } | null> {
  const raw = await fs.promises.readFile(file).catch(() => null);
  if (!raw) return null;
  const nl = raw.indexOf(10);
  return nl > 0 ? { contentType: raw.subarray(0, nl).toString('utf8'), data: raw.subarray(nl + 1) } : null;
}

async function writeEntry(file: string, contentType: string, data: Buffer) {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.promises.writeFile(temp, Buffer.concat([Buffer.from(`${contentType}\n`), data]));
  await fs.promises.rename(temp, file);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
