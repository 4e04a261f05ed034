import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { uniqueName, uploadViaApi } from '../support/media';

// Video, audio and PDF previews: read at upload by Debian's ffprobe/ffmpeg and poppler (docs/media-previews.md).
const shots = 'tests/.tmp/screenshots';
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures', name));

const openPanel = async (page: Page, id: string) => {
  await page.goto(`/media?selected=${id}`);
  return page.getByRole('complementary', { name: 'Media details' });
};

/** Whether an <img> has loaded real pixels (a broken image has no natural width). */
const loadedWidth = (img: Locator) =>
  img.evaluate((el: HTMLImageElement) =>
    el.complete ? el.naturalWidth : new Promise<number>((ok) => (el.onload = () => ok(el.naturalWidth))),
  );

test('an MP4 plays in the panel with its poster frame, and its duration is on the record', async ({
  page,
  request,
}) => {
  const name = uniqueName('preview', 'mp4');
  const { res, body: m } = await uploadViaApi(request, name, fixture('tiny.mp4'), 'video/mp4');
  expect(res.status()).toBe(201);
  expect(m).toMatchObject({ kind: 'file', mimeType: 'video/mp4', duration: 3, hasPreview: true });

  const panel = await openPanel(page, m.id);
  await expect(panel.getByTestId('panel-format')).toHaveText('Video · MP4');
  const video = panel.locator('video');
  await expect(video).toHaveAttribute('src', m.url);
  const poster = await video.getAttribute('poster');
  expect(poster).toMatch(new RegExp(`^/media/thumbnail/${m.id}\\?v=[0-9a-f]{12}$`));
  // The poster is a real picture: loaded in the page like the player loads it.
  const posterSize = await page.evaluate(
    (src) =>
      new Promise<[number, number]>((ok, fail) => {
        const img = new Image();
        img.onload = () => ok([img.naturalWidth, img.naturalHeight]);
        img.onerror = () => fail(new Error('poster did not load'));
        img.src = src;
      }),
    poster!,
  );
  expect(posterSize).toEqual([320, 240]);
  // The browser can play it: metadata read (readyState ≥ 1) and the same duration as the record.
  const played = await video.evaluate(
    (v: HTMLVideoElement) =>
      new Promise<{ readyState: number; duration: number }>((ok, fail) => {
        const done = () => ok({ readyState: v.readyState, duration: v.duration });
        if (v.readyState >= 1) done();
        v.onloadedmetadata = done;
        v.onerror = () => fail(new Error(`video error ${v.error?.code}`));
      }),
  );
  expect(played.readyState).toBeGreaterThanOrEqual(1);
  expect(played.duration).toBeCloseTo(3, 0);
  await expect(panel.getByTestId('media-preview-caption')).toHaveText('Duration 0:03');
  await panel.screenshot({ path: `${shots}/panel-video.png` });

  // The table shows the poster frame as the row's thumbnail, and the Format the Kind filter uses.
  await page.goto(`/media?kind=video&q=${encodeURIComponent(name)}`);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByText('Video · MP4')).toBeVisible();
  expect(await loadedWidth(row.locator('img'))).toBeGreaterThan(0);
  await page.goto(`/media?view=grid&q=${encodeURIComponent(name)}`);
  await expect(page.locator(`img[src^="/media/thumbnail/${m.id}"]`)).toBeVisible();
  await page.screenshot({ path: `${shots}/grid-video.png` });
});

test('an MP3 plays in the panel as <audio>, with its duration', async ({ page, request }) => {
  const { body: m } = await uploadViaApi(request, uniqueName('preview', 'mp3'), fixture('tiny.mp3'), 'audio/mpeg');
  expect(m).toMatchObject({ kind: 'file', mimeType: 'audio/mpeg' });
  expect((m as { duration?: number }).duration).toBeCloseTo(2, 0);
  const panel = await openPanel(page, m.id);
  await expect(panel.getByTestId('panel-format')).toHaveText('Audio · MP3');
  const audio = panel.locator('audio');
  await expect(audio).toHaveAttribute('src', m.url);
  const duration = await audio.evaluate(
    (a: HTMLAudioElement) =>
      new Promise<number>((ok, fail) => {
        if (a.readyState >= 1) ok(a.duration);
        a.onloadedmetadata = () => ok(a.duration);
        a.onerror = () => fail(new Error(`audio error ${a.error?.code}`));
      }),
  );
  expect(duration).toBeCloseTo(2, 0);
  await expect(panel.getByTestId('media-preview-caption')).toHaveText('Duration 0:02');
  await panel.screenshot({ path: `${shots}/panel-audio.png` });
});

test('a PDF shows its first page in the panel and the table, and its page count', async ({ page, request }) => {
  const name = uniqueName('preview', 'pdf');
  const { body: m } = await uploadViaApi(request, name, fixture('two-pages.pdf'), 'application/pdf');
  expect(m).toMatchObject({ mimeType: 'application/pdf', pageCount: 2, hasPreview: true });
  const panel = await openPanel(page, m.id);
  await expect(panel.getByTestId('panel-format')).toHaveText('PDF');
  const pageImage = panel.getByRole('img', { name: `First page of ${name}` });
  expect(await loadedWidth(pageImage)).toBeGreaterThan(0);
  // The first page (a red block on white), not the second (blue all over): its top is red.
  const shot = await pageImage.screenshot();
  expect(shot.length).toBeGreaterThan(0);
  const topPixel = await pageImage.evaluate((img: HTMLImageElement) => {
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    return [...g.getImageData(Math.round(c.width / 2), Math.round(c.height * 0.2), 1, 1).data.slice(0, 3)];
  });
  expect(topPixel[0]).toBeGreaterThan(200);
  expect(topPixel[2]).toBeLessThan(120);
  await expect(panel.getByTestId('media-preview-caption')).toHaveText('2 pages');
  await panel.screenshot({ path: `${shots}/panel-pdf.png` });

  await page.goto(`/media?kind=pdf&q=${encodeURIComponent(name)}`);
  const row = page.getByRole('row').filter({ hasText: name });
  expect(await loadedWidth(row.locator('img'))).toBeGreaterThan(0);
});
