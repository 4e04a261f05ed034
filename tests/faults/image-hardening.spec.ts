import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { png, uniqueName, type MediaRecord } from '../support/media';

// A server of its own that logs every render reaching the pixels (KURA_IMAGE_TRACE=1), so "refused
// before any pixel work" and "decoded once" are counted, not assumed; at most 100 cache files.
test.describe.configure({ mode: 'serial' });

const key = { 'X-MICROCMS-API-KEY': E2E.apiKey };
const ENTRIES = 100;

const server = new KuraServer(path.join(__dirname, '../.tmp/image-hardening-data'), testPort(3241), {
  KURA_IMAGE_TRACE: '1',
  KURA_IMAGE_CACHE_ENTRIES: String(ENTRIES),
});

async function upload(bytes: Buffer, ext: string): Promise<MediaRecord> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), uniqueName('hardening', ext));
  const res = await fetch(`${server.baseURL}/api/v1/media`, { method: 'POST', headers: key, body: form });
  const body = (await res.json()) as MediaRecord & { message?: string };
  expect(res.status, body.message).toBe(201);
  return body;
}

/** Renders of this media that reached the pixels, from the server's trace lines. */
const rendersOf = (m: MediaRecord) =>
  server.output.split('\n').filter((line) => line.includes(`[kura] image render ${m.id} `)).length;

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

function variantFiles(): string[] {
  const root = path.join(server.dataDir, 'cache', 'variants');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .map((rel) => path.join(root, rel))
    .filter((file) => !file.endsWith('.tmp') && fs.statSync(file, { throwIfNoEntry: false })?.isFile());
}

test.beforeAll(async () => {
  fs.rmSync(server.dataDir, { recursive: true, force: true });
  await server.start();
});
test.afterAll(() => server.kill('SIGTERM'));

test('outputs over the budget answer 400 naming the parameter and the limit, and no render starts', async () => {
  const photo = await upload(await png(640, 480), 'png');
  const frames = 40;
  const raw = randomBytes(32 * 24 * 3 * frames); // random pixels: the encoder cannot merge frames
  const gif = await upload(
    await sharp(raw, { raw: { width: 32, height: 24 * frames, channels: 3, pageHeight: 24 } })
      .gif()
      .toBuffer(),
    'gif',
  );

  const refusals: [MediaRecord, string, RegExp][] = [
    [photo, 'w=8192&h=8192&fit=scale&pad=8192', /"pad".*limit is 8192 pixels a side/],
    [photo, 'w=8192&h=8192&fit=scale&pad=4000&fm=png', /"pad".*limit is 8192 pixels a side/],
    [photo, 'w=8192&h=8192&fit=fill&border=8000,ff0000', /"border".*limit is 8192 pixels a side/],
    [photo, 'w=8000&h=8000&fit=scale&rot=45&pad=3000', /"rot".*limit is 8192 pixels a side/],
    [gif, 'w=8192&h=8192&fit=scale&fm=gif', /40 frames.*limit is 67108864 pixels \(KURA_MAX_OUTPUT_PIXELS\)/],
  ];
  for (const [m, query, message] of refusals) {
    const { res, body } = await get(`${m.url}?${query}`);
    expect(res.status, query).toBe(400);
    expect(JSON.parse(body.toString()).message, query).toMatch(message);
    expect(res.headers.get('kura-cache'), query).toBeNull(); // never reached the variant cache's answer
  }
  expect(rendersOf(photo)).toBe(0);
  expect(rendersOf(gif)).toBe(0);

  // The largest allowed output still renders, once.
  const { res, body } = await get(`${photo.url}?w=8192&h=8192&fit=scale&fm=jpg&q=20`);
  expect(res.status).toBe(200);
  expect(await sharp(body).metadata()).toMatchObject({ width: 8192, height: 8192 });
  expect(rendersOf(photo)).toBe(1);
});

test(
  'the 201st distinct variant of one media answers 429; ' + "the first 200 and Kura's own previews keep answering",
  async () => {
    test.setTimeout(180_000);
    const m = await upload(await png(16, 16), 'png');
    const url = (w: number) => `${m.url}?w=${w}&fm=png`;
    const etags: string[] = [];
    for (let w = 1; w <= 200; w += 8) {
      const batch = Array.from({ length: Math.min(8, 201 - w) }, (_, i) => get(url(w + i)));
      for (const { res } of await Promise.all(batch)) {
        expect(res.status).toBe(200);
        etags.push(res.headers.get('etag')!);
      }
    }
    const refused = await get(url(201));
    expect(refused.res.status).toBe(429);
    expect(JSON.parse(refused.body.toString()).message).toMatch(
      /200 different Image API variants \(KURA_MAX_VARIANTS_PER_MEDIA\)/,
    );
    expect((await get(`${m.url}?w=16&fm=png&blur=1`)).res.status).toBe(429);

    // At most 100 files are kept, so many of these were evicted: they render again, they are not refused.
    for (let w = 1; w <= 200; w++) {
      const { res } = await get(url(w), w % 2 ? { 'If-None-Match': etags[w - 1] } : {});
      expect(res.status, `w=${w}`).toBe(w % 2 ? 304 : 200);
    }
    // The detail panel's presets are Kura's own transforms: never counted, never refused.
    expect((await get(`${m.url}?w=300`)).res.status).toBe(200);
    expect((await get(`${m.url}?fit=crop&w=200&h=200`)).res.status).toBe(200);
    expect((await get(url(202))).res.status).toBe(429);
  },
);

test('the variant cache keeps at most KURA_IMAGE_CACHE_ENTRIES files', async () => {
  await expect.poll(() => variantFiles().length).toBeLessThanOrEqual(ENTRIES);
  expect(variantFiles().length).toBeGreaterThan(ENTRIES / 2);
});

test('a truncated JPEG answers 422 with a message every time, and is decoded only once', async () => {
  const jpeg = await sharp(randomBytes(300 * 200 * 3), { raw: { width: 300, height: 200, channels: 3 } })
    .jpeg()
    .toBuffer();
  const m = await upload(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), 'jpg');
  expect([m.width, m.height]).toEqual([300, 200]); // the header is whole: stored as an image
  for (const query of ['w=100', 'w=100', 'w=120&fm=webp']) {
    const { res, body } = await get(`${m.url}?${query}`);
    expect(res.status, query).toBe(422);
    expect(JSON.parse(body.toString()).message).toMatch(/cannot be decoded/);
  }
  expect(rendersOf(m)).toBe(1);
  // The original itself is still delivered as stored.
  expect((await get(m.url)).res.status).toBe(200);
});
