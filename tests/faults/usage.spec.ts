import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { keyHeader, png, type MediaRecord } from '../support/media';

// A server of its own: the counters are service-wide, so only here do they equal exactly what this test sent.
test.describe.configure({ mode: 'serial' });

const FLUSH_MS = 200;
let server: KuraServer;
let dataDir = '';

test.beforeAll(async ({}, testInfo) => {
  dataDir = path.join(testInfo.outputDir, 'data');
  server = new KuraServer(dataDir, testPort(3362), { KURA_USAGE_FLUSH_MS: String(FLUSH_MS) });
  await server.start();
});

test.afterAll(async () => {
  await server?.kill('SIGTERM');
});

async function upload(name: string, bytes: Buffer): Promise<MediaRecord> {
  const body = new FormData();
  body.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${server.baseURL}/api/v1/media`, { method: 'POST', headers: keyHeader, body });
  expect(res.status).toBe(201);
  return (await res.json()) as MediaRecord;
}

/** GET (or HEAD) a URL and read the whole body: the bytes the client really received. */
async function fetchAll(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, length: body.length, etag: res.headers.get('etag') ?? '' };
}

test('the counters match what was sent: originals, a range, 304s, HEAD, variants (rendered and cached)', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const picture = await upload('counted.png', await png(320, 200));
  const file = await upload('counted.bin', Buffer.alloc(100_000, 3));
  const sent = { original: { bytes: 0, requests: 0 }, variant: { bytes: 0, requests: 0 } };
  const perMedia = new Map<string, { bytes: number; requests: number }>();
  const note = (m: MediaRecord, output: 'original' | 'variant', r: { status: number; length: number }) => {
    expect([200, 206, 304]).toContain(r.status);
    sent[output].bytes += r.length;
    sent[output].requests += 1;
    const t = perMedia.get(m.id) ?? { bytes: 0, requests: 0 };
    perMedia.set(m.id, { bytes: t.bytes + r.length, requests: t.requests + 1 });
  };

  const whole = await fetchAll(picture.url);
  note(picture, 'original', whole);
  note(picture, 'original', await fetchAll(picture.versionedUrl));
  const range = await fetchAll(file.url, { headers: { Range: 'bytes=100-1099' } });
  expect([range.status, range.length]).toEqual([206, 1000]);
  note(file, 'original', range);
  const notModified = await fetchAll(picture.url, { headers: { 'If-None-Match': whole.etag } });
  expect(notModified.status).toBe(304);
  note(picture, 'original', notModified);
  note(picture, 'original', await fetchAll(picture.url, { method: 'HEAD' }));
  const rendered = await fetchAll(`${picture.url}?w=80&fm=webp`);
  note(picture, 'variant', rendered);
  const cached = await fetchAll(`${picture.url}?w=80&fm=webp`);
  expect(cached.length).toBe(rendered.length);
  note(picture, 'variant', cached);
  const variant304 = await fetchAll(`${picture.url}?w=80&fm=webp`, { headers: { 'If-None-Match': rendered.etag } });
  expect(variant304.status).toBe(304);
  note(picture, 'variant', variant304);
  // Refusals are not deliveries: an unknown media and a malformed parameter count nothing.
  expect((await fetchAll(`${picture.url}x`)).status).toBe(404);
  expect((await fetchAll(`${picture.url}?w=abc`)).status).toBe(400);

  const today = new Date().toISOString().slice(0, 10);
  const daily = () =>
    Object.fromEntries(
      inspect(dataDir)
        .query<{ metric: string; value: number }>('select metric, value from usage_daily where day = ?', today)
        .map((r) => [r.metric, Number(r.value)]),
    );
  // Written within the flush window, without a page asking for it.
  await expect.poll(daily, { timeout: 20 * FLUSH_MS + 5_000 }).toMatchObject({
    'original.bytes': sent.original.bytes,
    'original.requests': sent.original.requests,
    'variant.bytes': sent.variant.bytes,
    'variant.requests': sent.variant.requests,
  });
  expect(sent.original).toEqual({ bytes: 2 * picture.size + 1000, requests: 5 });
  const month = today.slice(0, 7);
  const monthly = inspect(dataDir).query<{ media_id: string; bytes: number; requests: number }>(
    'select media_id, bytes, requests from usage_media_monthly where month = ? order by media_id',
    month,
  );
  expect(monthly.map((r) => [r.media_id, { bytes: Number(r.bytes), requests: Number(r.requests) }]).sort()).toEqual(
    [...perMedia].sort(),
  );

  // The Usage screen, as the Administrator.
  await page.goto(`${server.baseURL}/login`);
  await page.getByLabel('Email').fill(E2E.adminEmail);
  await page.getByLabel('Password').fill(E2E.adminPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/media/);
  await page.goto(`${server.baseURL}/media/settings`);
  await page.getByRole('link', { name: 'View usage' }).click();
  await expect(page.getByRole('heading', { name: 'Usage', level: 1 })).toBeVisible();
  const figure = (label: string) => page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd');
  await expect(figure(`Original requests, ${month}`)).toHaveText(String(sent.original.requests));
  await expect(figure(`Image API requests, ${month}`)).toHaveText(String(sent.variant.requests));
  const top = page.getByRole('table');
  await expect(top.getByRole('row').nth(1)).toContainText('counted.png');
  await expect(top.getByRole('row').nth(2)).toContainText('counted.bin');
  await expect(page.getByRole('img', { name: /^Original requests, last 30 days: peak 5 requests/ })).toBeVisible();
  await expect(page.getByText(/free of/)).toBeVisible();
  await page.screenshot({ path: path.join(__dirname, '../.tmp/usage-screen.png'), fullPage: true });
  // The page wrote today's stored figures: both uploads' bytes.
  expect(daily()['stored.originals']).toBe(picture.size + file.size);
  expect(daily()['media.image']).toBe(1);
  expect(daily()['media.other']).toBe(1);
});

test('health reports the free bytes of the data directory', async () => {
  const health = (await (await fetch(`${server.baseURL}/api/health`)).json()) as { freeBytes: number };
  const s = fs.statfsSync(dataDir);
  // Other programs write to this disk meanwhile: the figure is the same within a few megabytes.
  expect(Math.abs(health.freeBytes - s.bavail * s.bsize)).toBeLessThan(64 * 1024 * 1024);
});
