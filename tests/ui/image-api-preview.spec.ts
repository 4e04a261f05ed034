import { expect, test } from '@playwright/test';
import { png, uniqueName, uploadViaApi } from '../support/media';

test('the Image API preview shows transforms side by side, copies their URLs, and tries any parameters', async ({
  page,
  context,
  request,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { body: m } = await uploadViaApi(request, uniqueName('preview', 'png'), await png(800, 600));
  await page.goto(`/media?selected=${m.id}`);
  await page.getByRole('button', { name: 'Image API preview' }).click();
  const region = page.getByRole('region', { name: `Image API preview of ${m.fileName}` });

  const presets = [
    'w=300',
    'fit=crop&w=200&h=200',
    'fm=webp',
    'auto=format',
    'blur=200',
    'mask=ellipse&w=200&h=200&fit=crop',
    'w=1200&h=630&fit=crop&txt=Open+Graph+title&txt-size=72&txt-color=fff&txt-font=sans-serif,bold' +
      '&txt-align=bottom,left&txt-pad=60&txt-shad=4',
    `w=600&mark=${encodeURIComponent(new URL(m.url).pathname)}&mark-scale=25&mark-alpha=50&mark-pad=16`,
  ];
  for (const params of presets) {
    const figure = region.getByRole('figure', { name: `Preview ${params}` });
    const img = figure.getByRole('img');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    await expect(figure.getByTestId('preview-bytes')).toHaveText(/\d+(\.\d)? (bytes|KB)/);
  }
  // The Open Graph preset is 1200×630 with a title; the watermark preset lays the image over itself.
  const og = region.getByRole('figure', { name: `Preview ${presets[6]}` }).getByRole('img');
  expect(await og.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight])).toEqual([1200, 630]);
  const marked = region.getByRole('figure', { name: `Preview ${presets[7]}` }).getByRole('img');
  expect(await marked.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(600);
  await og.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/.tmp/screenshots/image-api-preview-og.png' });
  const w300 = region.getByRole('figure', { name: 'Preview w=300' });
  await expect.poll(() => w300.getByRole('img').evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(300);
  const crop = region.getByRole('figure', { name: 'Preview fit=crop&w=200&h=200' }).getByRole('img');
  expect(await crop.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight])).toEqual([200, 200]);

  await w300.getByRole('button', { name: 'Copy' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${m.versionedUrl}&w=300`);

  await region.getByLabel('Try parameters').fill('w=123&fm=png');
  await region.getByRole('button', { name: 'Show' }).click();
  const custom = region.getByRole('figure', { name: 'Preview w=123&fm=png' }).getByRole('img');
  await expect.poll(() => custom.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(123);
  await page.screenshot({ path: 'tests/.tmp/screenshots/image-api-preview.png', fullPage: true });
  await region.getByRole('figure', { name: 'Preview w=300' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/.tmp/screenshots/image-api-preview-panel.png' });

  await region.getByLabel('Try parameters').fill('w=abc');
  await region.getByRole('button', { name: 'Show' }).click();
  await expect(region.getByRole('figure', { name: 'Preview w=abc' }).getByRole('alert')).toContainText('"w"');

  await expect(region.getByLabel('Responsive image snippet')).toHaveValue(
    new RegExp(
      `^<img src="${m.versionedUrl.replace(/[.?]/g, '\\$&')}&auto=format&w=640" srcset=".*320w.*1280w" sizes=`,
    ),
  );
});
