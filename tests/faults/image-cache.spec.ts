import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { uniqueName, type MediaRecord } from '../support/media';

// A server of its own with a tiny render queue and cache: on the shared server a full queue would
// refuse other tests' thumbnails, and eviction would be invisible under a 2 GiB bound.
test.describe.configure({ mode: 'serial' });

const CACHE_BYTES = 1024 * 1024;
const key = { 'X-MICROCMS-API-KEY': E2E.apiKey };

/** Random pixels: compress badly, so variants are large and slow enough to queue up. */
function noise(width: number, height: number) {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

async function upload(baseURL: string, bytes: Buffer): Promise<MediaRecord> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), uniqueName('noise', 'png'));
  const res = await fetch(`${baseURL}/api/v1/media`, { method: 'POST', headers: key, body: form });
  expect(res.status).toBe(201);
  return (await res.json()) as MediaRecord;
}

function cacheFiles(dataDir: string): { file: string; bytes: number }[] {
  const root = path.join(dataDir, 'cache', 'variants');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .map((rel) => path.join(root, rel))
    .flatMap((file) => {
      const stat = fs.statSync(file, { throwIfNoEntry: false }); // a temp file may be renamed meanwhile
      return stat?.isFile() && !file.endsWith('.tmp') ? [{ file, bytes: stat.size }] : [];
    });
}

const server = new KuraServer(path.join(__dirname, '../.tmp/image-cache-data'), testPort(3227), {
  KURA_IMAGE_RENDERS: '1',
  KURA_IMAGE_QUEUE: '2',
  KURA_IMAGE_CACHE_BYTES: String(CACHE_BYTES),
});

test.beforeAll(async () => {
  fs.rmSync(server.dataDir, { recursive: true, force: true });
  await server.start();
});
test.afterAll(() => server.kill('SIGTERM'));

test(
  'a full render queue answers 503 with Retry-After, the ' + 'server stays healthy, and the variant renders later',
  async () => {
    const m = await upload(server.baseURL, await noise(2000, 2000));
    // 1 encode at once and 2 waiting: of 12 distinct cold variants asked for together, some must be refused.
    const urls = Array.from({ length: 12 }, (_, i) => `${m.url}?w=${1200 + i}&blur=${200 + i}&fm=png`);
    const health = fetch(`${server.baseURL}/api/health`);
    const answers = await Promise.all(
      urls.map(async (url) => {
        const res = await fetch(url);
        return { url, status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.arrayBuffer() };
      }),
    );
    expect((await health).status).toBe(200);
    const statuses = answers.map((a) => a.status);
    expect(
      statuses.every((s) => s === 200 || s === 503),
      `statuses: ${statuses}`,
    ).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(3); // the running one and the two in line
    const refused = answers.filter((a) => a.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const a of refused) {
      expect(a.retryAfter).toBe('1');
      expect(JSON.parse(Buffer.from(a.body).toString()).message).toMatch(/try again/);
    }
    const later = await fetch(refused[0].url);
    expect(later.status).toBe(200);
    expect((await sharp(Buffer.from(await later.arrayBuffer())).metadata()).width).toBe(
      Number(new URL(refused[0].url).searchParams.get('w')),
    );
  },
);

test('the cache stays within its bound by evicting the least recently used variants', async () => {
  const m = await upload(server.baseURL, await noise(600, 600));
  const variant = (w: number) => `${m.url}?w=${w}&fm=png`; // noise: 120–190 KB each, so 20 overfill the 1 MiB bound
  const first = await fetch(variant(250));
  expect(first.headers.get('kura-cache')).toBe('miss');
  await first.arrayBuffer();
  for (let w = 200; w < 220; w++) {
    // Keep the first one in use while newer ones push older ones out.
    expect((await fetch(variant(w))).status).toBe(200);
    expect((await fetch(variant(250))).headers.get('kura-cache')).toBe('hit');
  }
  await expect
    .poll(() => cacheFiles(server.dataDir).reduce((sum, f) => sum + f.bytes, 0))
    .toBeLessThanOrEqual(CACHE_BYTES);
  expect((await fetch(variant(250))).headers.get('kura-cache')).toBe('hit'); // recently used: kept
  expect((await fetch(variant(200))).headers.get('kura-cache')).toBe('miss'); // least recently used: evicted
});

test(
  'a cache file cut short (as by a crash) is rendered ' + 'again, never served; the cache survives a restart',
  async () => {
    const m = await upload(server.baseURL, await noise(300, 200));
    const url = `${m.url}?w=150&fm=webp`;
    const fresh = await fetch(url);
    const bytes = Buffer.from(await fresh.arrayBuffer());
    // The file is written just behind the answer.
    const onDisk = () => cacheFiles(server.dataDir).find((f) => fs.readFileSync(f.file).includes(bytes))?.file;
    await expect.poll(onDisk, { message: 'the variant is on disk' }).toBeTruthy();
    const entry = onDisk();

    // Restarted, so the variant is on disk only (not in the memory layer): it is read from the file.
    await server.kill('SIGTERM');
    await server.start();
    const afterRestart = await fetch(url);
    expect(afterRestart.headers.get('kura-cache')).toBe('hit');
    expect(Buffer.compare(Buffer.from(await afterRestart.arrayBuffer()), bytes)).toBe(0);

    for (const cut of [fs.statSync(entry!).size - 10, 0]) {
      await server.kill('SIGTERM');
      fs.truncateSync(entry!, cut);
      await server.start();
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('kura-cache')).toBe('miss');
      expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), bytes)).toBe(0);
    }
  },
);
