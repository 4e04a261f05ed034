import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Media } from '@/db/schema';
import { config } from '@/lib/config';
import { storageNamed } from '@/lib/storage';

const SIZE = 320;
const inFlight = new Map<string, Promise<string | null>>();

/**
 * A small WebP of an image for the library (never the original), cached by content hash so a
 * re-upload can never show old pixels. One render per image even under concurrent requests.
 * Null when the image cannot be decoded here.
 */
export function thumbnailPath(m: Media): Promise<string | null> {
  const file = path.join(config().dataDir, 'cache', 'thumbnails', m.sha256.slice(0, 2), `${m.sha256}-${SIZE}.webp`);
  if (fs.existsSync(file)) return Promise.resolve(file);
  let job = inFlight.get(file);
  if (!job) {
    job = render(m, file).finally(() => inFlight.delete(file));
    inFlight.set(file, job);
  }
  return job;
}

async function render(m: Media, file: string): Promise<string | null> {
  const storage = storageNamed(m.storage);
  const input = storage.localPath ? storage.localPath(m.storageKey) : await streamToBuffer(await storage.read(m.storageKey));
  let output: Buffer;
  try {
    output = await sharp(input, { limitInputPixels: config().KURA_MAX_INPUT_PIXELS })
      .rotate()
      .resize(SIZE, SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
  } catch {
    return null;
  }
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.promises.writeFile(temp, output);
  await fs.promises.rename(temp, file);
  return file;
}

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
