import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { png, uniqueName, type MediaRecord } from '../support/media';

// A server of its own: a 1 MiB variant cache (the minimum) to show it is counted in disk blocks, and a
// small output budget so the fuzz's large asks are refused quickly instead of rendering for minutes.
test.describe.configure({ mode: 'serial' });

const key = { 'X-MICROCMS-API-KEY': E2E.apiKey };
const CACHE_BYTES = 1024 * 1024;

const server = new KuraServer(path.join(__dirname, '../.tmp/image-fuzz-data'), testPort(3242), {
  KURA_IMAGE_CACHE_BYTES: String(CACHE_BYTES),
  KURA_MAX_OUTPUT_PIXELS: String(1_000_000),
  KURA_MAX_VARIANTS_PER_MEDIA: '10000',
});

async function upload(bytes: Buffer): Promise<MediaRecord> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), uniqueName('fuzz', 'png'));
  const res = await fetch(`${server.baseURL}/api/v1/media`, { method: 'POST', headers: key, body: form });
  expect(res.status).toBe(201);
  return (await res.json()) as MediaRecord;
}

test.beforeAll(async () => {
  fs.rmSync(server.dataDir, { recursive: true, force: true });
  await server.start();
});
test.afterAll(() => server.kill('SIGTERM'));

/** A seeded generator, so a failing query can be found again from the seed in the message. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const NAMES = [
  'w',
  'h',
  'fit',
  'crop',
  'rect',
  'dpr',
  'q',
  'fm',
  'auto',
  'fill',
  'fill-color',
  'bg',
  'pad',
  'pad-left',
  'border',
  'mask',
  'corner-radius',
  'flip',
  'rot',
  'orient',
  'blur',
  'sharp',
  'lossless',
  'dl',
  'ar',
  'fp-x',
  'fp-z',
  'max-w',
  'w64',
  'txt',
  'txt-size',
  'txt-align',
  'txt-font',
  'txt-line',
  'txt-clip',
  'bri',
  'sat',
  'hue',
  'duotone',
  'px',
  'htn',
  'trim',
  'trim-color',
  'frame',
  'mark',
  'mark-align',
  'mark-w',
  'v',
  's',
];
const WORDS = [
  'crop',
  'fill',
  'scale',
  'clip',
  'png',
  'gif',
  'json',
  'blurhash',
  'avif',
  'webp',
  'ellipse',
  'corners',
  'hv',
  'format,compress',
  'faces,focalpoint',
  'left,top',
  'full',
  'center',
  '16:9',
  '0:0',
  'red',
  'ff0000',
  '8000ffff',
  '10,ff0000',
  '1,2,3,4',
  'true',
  '-0',
  'NaN',
  '1e9',
];
// Bytes that must never reach a header or crash a parser: controls, CR/LF, NUL, DEL, non-ASCII, bad UTF-8.
const NASTY = [
  '%00',
  '%0d%0a',
  '%0A',
  '%09',
  '%7F',
  '%E2%98%83',
  '%ED%A0%80',
  '%FF',
  '%C3',
  '%25',
  '%26',
  '%3D',
  '%2C',
  '+',
  ' ',
  '"',
  '\\',
];

function fuzzQuery(next: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const number = () => {
    const r = next();
    if (r < 0.7) return String(Math.floor(next() * 300) - 20);
    if (r < 0.85) return (next() * 2 - 0.5).toFixed(3);
    return String(Math.floor(next() * 200_000));
  };
  const noise = () =>
    Array.from({ length: 1 + Math.floor(next() * 4) }, () => (next() < 0.5 ? pick(NASTY) : pick(WORDS))).join('');
  const parts: string[] = [];
  for (let i = 0, n = 1 + Math.floor(next() * 5); i < n; i++) {
    const r = next();
    const name = r < 0.75 ? pick(NAMES) : r < 0.9 ? noise() : `${pick(NAMES)}${pick(NASTY)}`;
    const value = next() < 0.45 ? number() : next() < 0.6 ? pick(WORDS) : noise();
    parts.push(`${name}=${value}`);
  }
  return parts.join('&');
}

test('the variant cache bound counts disk blocks, not bytes: many tiny variants still stay within it', async () => {
  test.setTimeout(180_000);
  const m = await upload(await png(8, 8));
  // fit=max never enlarges the 8×8 source: ~100-byte PNGs, 400 of them are 30 KB of content but 1.6 MB of 4 KiB blocks,
  // over the 1 MiB bound.
  for (let w = 1; w <= 400; w += 8) {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => fetch(`${m.url}?w=${w + i}&fit=max&fm=png`).then((r) => r.arrayBuffer())),
    );
  }
  const usage = () => {
    const files = (fs.readdirSync(path.join(server.dataDir, 'cache', 'variants'), { recursive: true }) as string[])
      .map((rel) => fs.statSync(path.join(server.dataDir, 'cache', 'variants', rel), { throwIfNoEntry: false }))
      .filter((st) => st?.isFile());
    return {
      files: files.length,
      allocated: files.reduce((sum, st) => sum + st!.blocks * 512, 0),
      logical: files.reduce((sum, st) => sum + st!.size, 0),
    };
  };
  await expect.poll(() => usage().allocated).toBeLessThanOrEqual(CACHE_BYTES);
  const { files, logical } = usage();
  expect(logical).toBeLessThan(CACHE_BYTES / 4); // by bytes alone nothing would have been evicted
  expect(files).toBeLessThan(400);
});

test('thousands of random parameter strings, control bytes and non-ASCII included, never answer 5xx', async () => {
  test.setTimeout(600_000);
  const media = [await upload(await png(40, 30)), await upload(await png(7, 90))];
  const seed = 20261202;
  const next = random(seed);
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  const TOTAL = 3000;
  for (let i = 0; i < TOTAL; i += 6) {
    const batch = Array.from({ length: 6 }, (_, j) => {
      const url = `${media[(i + j) % 2].url}?${fuzzQuery(next)}`;
      return fetch(url).then(async (res) => {
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) failures.push(`${res.status} ${url}`);
      });
    });
    await Promise.all(batch);
  }
  expect(failures, `seed ${seed}`).toEqual([]);
  // The mix reached both sides: rendered variants and refusals.
  expect(statuses.get(200) ?? 0).toBeGreaterThan(100);
  expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
  expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(TOTAL);
});
