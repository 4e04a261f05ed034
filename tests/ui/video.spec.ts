import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { uniqueName, uploadViaApi } from '../support/media';

test('a <video> in Chromium seeks in a delivered MP4 through Range requests', async ({ page, request }) => {
  const clip = fs.readFileSync(path.join(__dirname, '../fixtures/clip.mp4'));
  const { body: m } = await uploadViaApi(request, uniqueName('clip', 'mp4'), clip, 'video/mp4');
  expect(m).toMatchObject({ kind: 'file', mimeType: 'video/mp4' });

  const ranged: { range: string; status: number; contentRange?: string }[] = [];
  page.on('response', (res) => {
    const range = res.request().headers()['range'];
    if (res.url() === m.url && range)
      ranged.push({ range, status: res.status(), contentRange: res.headers()['content-range'] });
  });
  // A slow link, so the browser cannot have the whole file before the seek and must ask for a range.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: 128 * 1024,
    uploadThroughput: -1,
  });
  await page.goto('/api/health'); // same origin as the media
  await page.setContent(`<video id="v" preload="metadata" muted src="${m.url}"></video>`);
  const duration = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const v = document.getElementById('v') as HTMLVideoElement;
        if (v.readyState >= 1) resolve(v.duration);
        v.onloadedmetadata = () => resolve(v.duration);
        v.onerror = () => reject(new Error(`video error ${v.error?.code}`));
      }),
  );
  expect(duration).toBeGreaterThan(55);

  const landed = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const v = document.getElementById('v') as HTMLVideoElement;
        v.onseeked = () => resolve(v.currentTime);
        v.currentTime = 50;
      }),
  );
  expect(landed).toBeCloseTo(50, 0);
  await expect
    .poll(() => page.evaluate(() => (document.getElementById('v') as HTMLVideoElement).readyState))
    .toBeGreaterThanOrEqual(2);

  // The seek was served as a partial response from well inside the file.
  const late = ranged.filter((r) => Number(/bytes=(\d+)-/.exec(r.range)?.[1]) > clip.length / 2);
  expect(late.length).toBeGreaterThan(0);
  expect(late.every((r) => r.status === 206 && r.contentRange?.endsWith(`/${clip.length}`))).toBe(true);
});
