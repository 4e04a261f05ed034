import path from 'node:path';
import ImgixClient from '@imgix/js-core';
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { png, uniqueName, type MediaRecord } from '../support/media';

// A server of its own with KURA_IMAGE_SIGNING_TOKEN: on the shared server every transform would need a signature.
test.describe.configure({ mode: 'serial' });

const TOKEN = 'kura-signing-token-for-tests';
const key = { 'X-MICROCMS-API-KEY': E2E.apiKey };
const server = new KuraServer(path.join(__dirname, '../.tmp/image-signing-data'), testPort(3243), {
  KURA_IMAGE_SIGNING_TOKEN: TOKEN,
});
let m: MediaRecord;

test.beforeAll(async () => {
  fs.rmSync(server.dataDir, { recursive: true, force: true });
  await server.start();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await png(400, 300))]), uniqueName('signed', 'png'));
  m = (await (
    await fetch(`${server.baseURL}/api/v1/media`, { method: 'POST', headers: key, body: form })
  ).json()) as MediaRecord;
});
test.afterAll(() => server.kill('SIGTERM'));

/** An @imgix/js-core URL for this media, pointed at the test server. */
function imgixUrl(params: Record<string, string | number>, token = TOKEN) {
  const client = new ImgixClient({ domain: '127.0.0.1', useHTTPS: false, secureURLToken: token });
  return client.buildURL(new URL(m.url).pathname, params).replace('http://127.0.0.1', server.baseURL);
}

test(
  '@imgix/js-core URLs are accepted; unsigned, tampered ' + 'and wrong-token ones are 403; originals stay public',
  async () => {
    const signed = await fetch(imgixUrl({ w: 120, fm: 'png' }));
    expect(signed.status).toBe(200);
    expect(signed.headers.get('kura-ignored-params')).toBe('ixlib');
    for (const url of [
      `${m.url}?w=120&fm=png`,
      imgixUrl({ w: 120, fm: 'png' }).replace('w=120', 'w=121'),
      imgixUrl({ w: 120 }, 'some-other-token'),
    ]) {
      const res = await fetch(url);
      expect(res.status, url).toBe(403);
      expect(((await res.json()) as { message: string }).message).toMatch(/sign/i);
    }
    expect((await fetch(m.url)).status).toBe(200);
    expect((await fetch(m.versionedUrl)).status).toBe(200);
  },
);

test('the detail panel signs its previews and snippet on the server', async ({ page }) => {
  await page.goto(`${server.baseURL}/login`);
  await page.getByLabel('Email').fill(E2E.adminEmail);
  await page.getByLabel('Password').fill(E2E.adminPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/media$/);
  await page.goto(`${server.baseURL}/media?selected=${m.id}`);
  await page.getByRole('button', { name: 'Image API preview' }).click();
  const region = page.getByRole('region', { name: `Image API preview of ${m.fileName}` });
  const w300 = region.getByRole('figure', { name: 'Preview w=300' }).getByRole('img');
  await expect.poll(() => w300.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(300);
  expect(await w300.getAttribute('src')).toMatch(/&w=300&s=[0-9a-f]{32}$/);
  await region.getByLabel('Try parameters').fill('w=123&fm=png');
  await region.getByRole('button', { name: 'Show' }).click();
  const custom = region.getByRole('figure', { name: 'Preview w=123&fm=png' }).getByRole('img');
  await expect.poll(() => custom.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(123);
  const snippet = await region.getByLabel('Responsive image snippet').inputValue();
  const urls = [...snippet.matchAll(/(http[^\s"]+)/g)].map((x) => x[1]);
  expect(urls.length).toBe(5);
  for (const url of urls) {
    expect(url).toMatch(/&s=[0-9a-f]{32}$/);
    expect((await fetch(url)).status, url).toBe(200);
  }
  expect(snippet).not.toContain(TOKEN);
  await page.screenshot({ path: 'tests/.tmp/screenshots/image-api-preview-signed.png', fullPage: true });
  // The library's thumbnails keep working.
  await page.goto(`${server.baseURL}/media`);
  const thumb = page.locator(`img[src*="/media/thumbnail/${m.id}"]`).first();
  await expect.poll(() => thumb.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
});
