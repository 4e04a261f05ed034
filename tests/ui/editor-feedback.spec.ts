import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import sharp from 'sharp';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { keyHeader, png, uniqueName, uploadViaApi } from '../support/media';

// What an editor is told, and what the library keeps, while working in the panel: toasts with Undo, the name a
// rename will save, a confirmation before an extension or a type changes, the view kept by links, the small things.

const data = inspect(E2E.dataDir);
const shots = 'tests/.tmp/screenshots';

async function upload(request: APIRequestContext, name: string, bytes: Buffer, type: string) {
  const { res, body } = await uploadViaApi(request, name, bytes, type);
  expect(res.status(), body.message).toBe(201);
  return body;
}

async function openPanel(page: Page, id: string, extra = '') {
  await page.goto(`/media?selected=${id}${extra}`);
  const panel = page.getByRole('complementary', { name: 'Media details' });
  await expect(panel).toBeVisible();
  return panel;
}

/** A small JPEG uploaded through the API, and the library with its panel open. */
async function jpegInPanel(page: Page, request: APIRequestContext, name: string) {
  const m = await upload(
    request,
    name,
    await sharp(await png(40, 30))
      .jpeg()
      .toBuffer(),
    'image/jpeg',
  );
  return { m, panel: await openPanel(page, m.id) };
}

const record = async (request: APIRequestContext, id: string) =>
  (await request.get(`/api/v1/media/${id}`, { headers: keyHeader })).json();

test('rename shows the name it will save as it is typed, keeps the extension, and Undo puts the old name back', async ({
  page,
  request,
}) => {
  const { m, panel } = await jpegInPanel(page, request, uniqueName('cleaned', 'jpg'));
  await panel.getByRole('button', { name: 'Rename', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename file' });
  const input = dialog.getByRole('textbox', { name: 'File name', exact: true });
  const savedAs = dialog.getByTestId('rename-saved-as');

  // Before anything is saved, the cleaned name is on screen.
  await input.fill('folder/sub name.jpg');
  await expect(savedAs).toContainText('Saved as foldersub name.jpg');
  await input.fill('a/b.jpg');
  await expect(savedAs).toContainText('Saved as ab.jpg');
  await input.fill('x'.repeat(300) + '.jpg');
  await expect(savedAs).toContainText(`Saved as ${'x'.repeat(196)}.jpg`);

  // No extension typed: the current one stays, and says so.
  const stem = `kept-${Date.now()}`;
  await input.fill(stem);
  await expect(savedAs).toContainText(`Saved as ${stem}.jpg`);
  await expect(savedAs).toContainText('the .jpg extension kept');
  await page.screenshot({ path: `${shots}/rename-saved-as.png` });
  await input.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('panel-file-name')).toHaveText(`${stem}.jpg`);

  // The toast names the change; Undo renames it back (the API sees the old name again).
  const toast = page.getByRole('status').filter({ hasText: `Renamed to ${stem}.jpg` });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(toast).toContainText('Undone');
  await expect(panel.getByTestId('panel-file-name')).toHaveText(m.fileName);
  expect((await record(request, m.id)).fileName).toBe(m.fileName);
});

test('a changed extension asks first and says what the URL will be', async ({ page, request }) => {
  const name = uniqueName('photo', 'jpg');
  const { m, panel } = await jpegInPanel(page, request, name);
  await panel.getByRole('button', { name: 'Rename', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename file' });
  const renamed = name.replace(/\.jpg$/, '.png');
  await dialog.getByRole('textbox', { name: 'File name', exact: true }).fill(renamed);
  await expect(dialog).toContainText(
    'The extension changes from .jpg to .png, but the file stays what it is (image/jpeg)',
  );
  await expect(dialog).toContainText(m.url.replace(/[^/]+$/, encodeURIComponent(renamed)));
  await page.screenshot({ path: `${shots}/rename-extension.png` });

  // Saving without the confirmation changes nothing.
  await dialog.getByRole('button', { name: 'Rename and change extension' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Confirm the change of extension');
  expect((await record(request, m.id)).fileName).toBe(name);

  await dialog.getByLabel('Change the extension anyway').check();
  await dialog.getByRole('button', { name: 'Rename and change extension' }).click();
  await expect(dialog).toBeHidden();
  expect((await record(request, m.id)).fileName).toBe(renamed);
});

test('re-uploading a PNG over a .jpg asks first; afterwards the panel shows when it was updated', async ({
  page,
  request,
}) => {
  const { m, panel } = await jpegInPanel(page, request, uniqueName('banner', 'jpg'));
  await expect(panel.getByTestId('panel-updated')).toHaveCount(0);

  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Re-upload', exact: true }).click();
  await (await chooser).setFiles({ name: 'banner.png', mimeType: 'image/png', buffer: await png(80, 60) });
  const dialog = page.getByRole('dialog', { name: 'Replace this file?' });
  await expect(dialog).toContainText(`The new file is a .png, but the URL keeps the name ${m.fileName}`);
  await dialog.getByRole('button', { name: 'Upload' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Confirm that the URL keeps .jpg');
  expect(data.query<{ width: number }>('select width from media where id = ?', m.id)).toEqual([{ width: 40 }]);

  await dialog.getByLabel('Keep the .jpg URL anyway').check();
  await dialog.getByRole('button', { name: 'Upload' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Replaced ${m.fileName}` })).toBeVisible();
  await expect(panel.getByTestId('panel-dimensions')).toHaveText('80 × 60');
  await expect(panel.getByTestId('panel-updated').locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
});

test('alt text and tags say they were saved, with Undo', async ({ page, request }) => {
  const m = await upload(request, uniqueName('undo', 'png'), await png(40, 30), 'image/png');
  const panel = await openPanel(page, m.id);

  await panel.getByRole('button', { name: 'Edit alt text' }).click();
  const alt = page.getByRole('dialog', { name: 'Alt text' });
  await alt.getByRole('textbox', { name: 'Alt text', exact: true }).fill('A small square');
  await alt.getByRole('button', { name: 'Save' }).click();
  const altToast = page.getByRole('status').filter({ hasText: 'Alt text saved' });
  await expect(altToast).toBeVisible();
  await page.screenshot({ path: `${shots}/toast-undo.png` });
  await altToast.getByRole('button', { name: 'Undo' }).click();
  await expect(altToast).toContainText('Undone');
  await expect(panel.getByTestId('panel-alt')).toHaveText('Not set');
  expect((await record(request, m.id)).alt).toBeFalsy();

  const tag = `fb${Date.now().toString(36)}`;
  await panel.getByRole('button', { name: 'Edit tags' }).click();
  const tags = page.getByRole('dialog', { name: 'Tags' });
  await tags.getByRole('textbox', { name: 'Tags', exact: true }).fill(tag);
  await tags.getByRole('button', { name: 'Save' }).click();
  const tagToast = page.getByRole('status').filter({ hasText: `Tags set to ${tag}` });
  await tagToast.getByRole('button', { name: 'Undo' }).click();
  await expect(tagToast).toContainText('Undone');
  expect((await record(request, m.id)).tags).toEqual([]);
});

test('a tag in the panel and the header’s Media link keep the grid view; the tag keeps the panel open', async ({
  page,
  request,
}) => {
  const tag = `view${Date.now().toString(36)}`;
  const m = await upload(request, uniqueName('viewkept', 'png'), await png(40, 30), 'image/png');
  expect((await request.patch(`/api/v1/media/${m.id}`, { headers: keyHeader, data: { tags: [tag] } })).status()).toBe(
    200,
  );
  await page.goto('/media');
  await page.getByRole('group', { name: 'View' }).getByRole('link', { name: 'Grid' }).click();
  await expect(page).toHaveURL(/view=grid/);
  const panel = await openPanel(page, m.id, '&view=grid');

  await panel.getByTestId('panel-tags').getByRole('link', { name: tag }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]tag=${tag}(&|$)`));
  await expect(page).toHaveURL(/view=grid/);
  await expect(page).toHaveURL(new RegExp(`selected=${m.id}`));
  await expect(page.getByRole('complementary', { name: 'Media details' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Media' })).toHaveCount(0);

  // The header's Media link names no view: the one last chosen in this browser is kept.
  await page.getByRole('banner').getByRole('link', { name: 'Media', exact: true }).click();
  await expect(page).toHaveURL(/\/media$/);
  await expect(page.getByRole('table', { name: 'Media' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'View' }).getByRole('link', { name: 'Grid' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await page.getByRole('group', { name: 'View' }).getByRole('link', { name: 'Table' }).click();
  await page.getByRole('banner').getByRole('link', { name: 'Media', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Media' })).toBeVisible();
});

test('a small file’s size is said once; the favicon is there', async ({ page, request }) => {
  const bytes = Buffer.from('x'.repeat(191));
  const m = await upload(request, uniqueName('small', 'txt'), bytes, 'text/plain');
  const panel = await openPanel(page, m.id);
  await expect(panel.getByTestId('panel-size')).toHaveText('191 bytes');

  const icon = await request.get('/favicon.ico');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  const body = await icon.body();
  expect(body.subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // an ICO header
});

test('with the panel open and filters set, Sort stays on the filters row', async ({ page, request }) => {
  const tag = `row${Date.now().toString(36)}-a-long-tag-name`;
  const m = await upload(request, uniqueName('sortrow', 'png'), await png(40, 30), 'image/png');
  await request.patch(`/api/v1/media/${m.id}`, { headers: keyHeader, data: { tags: [tag] } });
  await openPanel(page, m.id, `&tag=${tag}&kind=image&after=2020-01-01&before=2030-12-31`);
  const top = async (label: string) => (await page.getByLabel(label, { exact: true }).boundingBox())!.y;
  await expect(page.getByRole('link', { name: 'Clear filters' })).toBeVisible();
  await page.screenshot({ path: `${shots}/toolbar-with-panel.png` });
  expect(Math.abs((await top('Sort')) - (await top('Kind')))).toBeLessThan(4);
});
