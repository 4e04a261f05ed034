import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { keyHeader, uploadViaApi } from '../support/media';

// The pictures in the README and docs/screenshots: the library as an editor sees it (table, grid with the panel,
// a phone, the upload tray), made from a small, tagged set of media. Run this spec and copy
// tests/.tmp/screenshots/readme-*.png to docs/screenshots/ to refresh them.

const shots = 'tests/.tmp/screenshots';
const tag = `launch-${Date.now().toString(36)}`;

/** A photo-like picture: a diagonal gradient between two colours with a soft sun, as a JPEG or PNG. */
async function picture(width: number, height: number, from: string, to: string, format: 'jpeg' | 'png') {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/>` +
    `<stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
    `<rect width="100%" height="100%" fill="url(#g)"/>` +
    `<circle cx="${width * 0.7}" cy="${height * 0.35}" r="${height * 0.18}" fill="#fff" fill-opacity="0.55"/></svg>`;
  const image = sharp(Buffer.from(svg));
  return format === 'jpeg' ? image.jpeg({ quality: 85 }).toBuffer() : image.png().toBuffer();
}

const demo: [string, () => Promise<Buffer>, string][] = [
  ['hero-banner.jpg', () => picture(1600, 900, '#4f46e5', '#ec4899', 'jpeg'), 'image/jpeg'],
  ['team-offsite.jpg', () => picture(1200, 800, '#0ea5e9', '#22c55e', 'jpeg'), 'image/jpeg'],
  ['product-shot.png', () => picture(1000, 1000, '#f59e0b', '#ef4444', 'png'), 'image/png'],
  ['autumn-campaign.jpg', () => picture(1200, 630, '#b45309', '#7c2d12', 'jpeg'), 'image/jpeg'],
  ['night-skyline.jpg', () => picture(1920, 1080, '#0f172a', '#6366f1', 'jpeg'), 'image/jpeg'],
  ['launch-teaser.mp4', async () => fs.readFileSync('tests/fixtures/clip.mp4'), 'video/mp4'],
  ['press-kit.pdf', async () => fs.readFileSync('tests/fixtures/two-pages.pdf'), 'application/pdf'],
];

async function settle(page: Page) {
  await expect
    .poll(() => page.evaluate(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0)))
    .toBe(true);
}

test('the README pictures: table, grid with the panel, a phone, uploads', async ({ page, request, browser }) => {
  const ids: string[] = [];
  for (const [name, bytes, type] of demo) {
    const { res, body } = await uploadViaApi(request, name, await bytes(), type);
    expect(res.status(), body.message).toBe(201);
    const tagged = await request.patch(`/api/v1/media/${body.id}`, { headers: keyHeader, data: { tags: [tag] } });
    expect(tagged.status()).toBe(200);
    ids.push(body.id);
  }
  await request.patch(`/api/v1/media/${ids[0]}`, {
    headers: keyHeader,
    data: { alt: 'Purple to pink gradient with a soft sun', tags: [tag, 'homepage'] },
  });

  await page.goto(`/media?tag=${tag}`);
  await expect(page.getByRole('table', { name: 'Media' }).getByRole('row')).toHaveCount(demo.length + 1);
  await settle(page);
  await page.screenshot({ path: `${shots}/readme-library-table.png` });

  await page.goto(`/media?tag=${tag}&view=grid&selected=${ids[0]}`);
  await expect(page.getByRole('complementary', { name: 'Media details' })).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${shots}/readme-library-grid-panel.png` });

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await (
    await chooser
  ).setFiles([
    {
      name: 'spring-lookbook.jpg',
      mimeType: 'image/jpeg',
      buffer: await picture(1200, 800, '#14b8a6', '#a3e635', 'jpeg'),
    },
    { name: 'empty-notes.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
  ]);
  await expect(page.getByTestId('upload-summary')).toHaveText('1 of 2 done · 1 failed');
  await page.screenshot({ path: `${shots}/readme-uploads.png` });

  const phone = await browser.newContext({ ...test.info().project.use, viewport: { width: 390, height: 844 } });
  const mobile = await phone.newPage();
  await mobile.goto(`/media?tag=${tag}&view=grid`);
  await expect(mobile.getByRole('list', { name: 'Media' }).getByRole('listitem')).toHaveCount(demo.length);
  await settle(mobile);
  await mobile.screenshot({ path: `${shots}/readme-phone-grid.png` });
  await mobile.goto(`/media?tag=${tag}&selected=${ids[1]}`);
  await expect(mobile.getByRole('complementary', { name: 'Media details' })).toBeVisible();
  await settle(mobile);
  await mobile.screenshot({ path: `${shots}/readme-phone-panel.png` });
  await phone.close();
});
