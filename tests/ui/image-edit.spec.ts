import { createHash } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { colourAt, colourAtMiddle, metadataOf, spots } from '../support/images';
import { keyHeader, pathOf, uniqueName, uploadViaApi } from '../support/media';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The bytes behind an <img> as the browser's session fetches them. */
const imageBytes = async (page: Page, img: Locator) => {
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
  const res = await page.request.get((await img.getAttribute('src'))!);
  expect(res.status()).toBe(200);
  return res.body();
};

test('the panel editor sets the focal point by click and by keyboard, draws a 16:9 crop and turns the image', async ({
  page,
}) => {
  // 1600×800 grey, a yellow square at (500, 400), a blue one at (1120, 400).
  const bytes = await spots(1600, 800, [
    { x: 500, y: 400, size: 120, colour: 'yellow' },
    { x: 1120, y: 400, size: 120, colour: 'blue' },
  ]);
  const { body: m } = await uploadViaApi(page.request, uniqueName('framed', 'png'), bytes, 'image/png');
  const record = async () =>
    (await (await page.request.get(`/api/v1/media/${m.id}`, { headers: keyHeader })).json()) as {
      versionedUrl: string;
      focalPoint?: { x: number; y: number };
      crop?: { x: number; y: number; w: number; h: number };
      rotate?: number;
    };
  const squareCrop = async () =>
    colourAtMiddle(
      await (await page.request.get(`${pathOf((await record()).versionedUrl)}&w=400&h=400&fit=crop`)).body(),
    );
  const original = await page.request.get(pathOf(m.url));

  await page.goto(`/media?selected=${m.id}`);
  const panel = page.getByRole('complementary', { name: 'Media details' });
  await expect(panel.getByTestId('panel-image-edit')).toHaveText('Not set');
  const dialog = page.getByRole('dialog', { name: 'Edit image' });
  const canvas = dialog.getByTestId('image-editor-canvas');
  const open = async () => {
    await panel.getByRole('button', { name: 'Edit image' }).click();
    await expect(dialog).toBeVisible();
    await expect
      .poll(() => canvas.locator('img').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth))
      .toBe(800);
  };
  const save = async () => {
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  };

  // By click: on the blue square.
  await open();
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.5);
  await expect(dialog.getByTestId('image-editor-focal')).toHaveText(
    /^Focal point: 70(\.\d)?% across, 50(\.\d)?% down$/,
  );
  await save();
  await expect(panel.getByTestId('panel-image-edit')).toHaveText(/^Focal point 70% across, 50% down$/);
  expect(await squareCrop()).toBe('blue');

  // By keyboard alone: Reset, then the marker moved onto the yellow square (0.5 − 2 × 0.1 + 0.01 = 0.31).
  await open();
  await dialog.getByRole('button', { name: 'Reset focal point' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('image-editor-focal')).toHaveText(/^No focal point/);
  await dialog.getByRole('button', { name: 'Focal point', exact: true }).focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByTestId('image-editor-focal')).toHaveText('Focal point: 31% across, 50% down');
  await page.keyboard.press('Enter'); // Enter on the marker keeps it; it does not submit
  await expect(dialog).toBeVisible();
  await save();
  expect((await record()).focalPoint).toEqual({ x: 0.31, y: 0.5 });
  expect(await squareCrop()).toBe('yellow');
  const focused = await record();

  // A 16:9 crop drawn by mouse from (0, 62) to x = 1200 of the original, then a quarter turn.
  await open();
  await dialog.getByLabel('Crop aspect ratio').selectOption('16:9');
  await page.mouse.move(box.x + 1, box.y + box.height * (62 / 800));
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.6, { steps: 5 });
  await page.mouse.up();
  await expect(dialog.getByTestId('image-editor-crop')).toBeVisible();
  await dialog.getByRole('button', { name: 'Rotate 90°' }).click();
  await expect(dialog.getByTestId('image-editor-summary')).toContainText('Rotated 90° clockwise');
  // The Result beside the canvas is the 16:9 crop turned upright.
  const result = (await dialog.getByTestId('image-editor-result').boundingBox())!;
  expect(result.height / result.width).toBeCloseTo(16 / 9, 1);
  await page.screenshot({ path: 'tests/.tmp/screenshots/image-editor.png' });
  // axe on the open editor: nothing it rates serious or critical.
  const { violations } = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await save();

  const edited = await record();
  expect(edited.rotate).toBe(90);
  const crop = edited.crop!;
  expect(Math.abs(crop.w / crop.h - 16 / 9)).toBeLessThan(0.005);
  expect(crop.x).toBeLessThanOrEqual(4);
  expect(Math.abs(crop.y - 62)).toBeLessThanOrEqual(4);
  expect(Math.abs(crop.w - 1200)).toBeLessThanOrEqual(6);
  expect(edited.versionedUrl).not.toBe(focused.versionedUrl);
  await expect(panel.getByTestId('panel-image-edit')).toContainText('Rotated 90° clockwise');
  expect(await squareCrop()).toBe('yellow');

  // The panel preview and the library thumbnail follow: the crop turned upright, yellow above blue.
  const version = new URL(edited.versionedUrl).searchParams.get('v')!;
  const preview = panel.getByTestId('media-preview').locator('img');
  await expect(preview).toHaveAttribute('src', `/media/thumbnail/${m.id}?v=${version}`);
  const shown = await imageBytes(page, preview);
  const { width, height } = await metadataOf(shown);
  expect([width, height]).toEqual([180, 320]);
  expect(await colourAt(shown, 90, Math.round((500 / 1200) * 320))).toBe('yellow');
  expect(await colourAt(shown, 90, Math.round((1120 / 1200) * 320))).toBe('blue');
  await page.screenshot({ path: 'tests/.tmp/screenshots/image-edit-panel.png' });
  // The library's thumbnail of the item is the same new URL (the panel's preview and the list's row).
  await expect(page.locator(`img[src="/media/thumbnail/${m.id}?v=${version}"]`)).toHaveCount(2);
  await expect(page.locator(`img[src^="/media/thumbnail/${m.id}?"]`)).toHaveCount(2);

  // The original is untouched: the same bytes and ETag.
  const after = await page.request.get(pathOf(m.url));
  expect(sha(await after.body())).toBe(sha(bytes));
  expect(after.headers().etag).toBe(original.headers().etag);

  // Activity lists each edit.
  await page.goto('/media/settings/activity?operation=image_edit');
  const rows = page.getByRole('table', { name: 'Activity' }).locator('tbody tr').filter({ hasText: m.fileName });
  await expect(rows).toHaveCount(3);
  await expect(rows.first().locator('td').nth(2)).toHaveText('Focal point and crop');
  await expect(rows.first().locator('td').nth(4)).toContainText('→ Focal point 31% across, 50% down · Cropped to');
  await expect(rows.first().locator('td').nth(4)).toContainText('Rotated 90° clockwise');
});
