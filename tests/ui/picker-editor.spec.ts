import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E } from '../support/env';
import { keyHeader, png, uniqueName, uploadViaApi } from '../support/media';
import { createApi } from '../support/seed';

const shots = 'tests/.tmp/screenshots';
const suffix = () => Math.random().toString(36).slice(2, 8);

const image = async (request: APIRequestContext, name: string, w = 64, h = 48, tags: string[] = []) => {
  const { body } = await uploadViaApi(request, name, await png(w, h), 'image/png');
  if (tags.length) {
    const res = await request.patch(`/api/v1/media/${body.id}`, { headers: keyHeader, data: { tags } });
    expect(res.status(), await res.text()).toBe(200);
  }
  return body;
};

test('"Add images" adds three images in one trip, found with the library\'s tag filter, sort and search', async ({
  page,
  request,
}) => {
  const s = suffix();
  const endpoint = `gallery-${s}`;
  createApi(E2E.dataDir, endpoint, [{ id: 'photos', name: 'Photos', kind: 'multipleImages' }]);
  const tag = `trip-${s}`;
  const a = await image(request, `a-${s}.png`, 64, 48, [tag]);
  const b = await image(request, `b-${s}.png`, 64, 48, [tag]);
  const c = await image(request, `c-${s}.png`);
  await image(request, uniqueName(`other-${s}`, 'png'));

  await page.goto(`/apis/${endpoint}/new`);
  await page.getByRole('button', { name: 'Add images' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose images' });
  const results = picker.getByRole('list', { name: 'Results' });
  // Images only: no Kind filter; a tag narrows to its media; sort by name, descending.
  await expect(picker.getByLabel('Kind')).toHaveCount(0);
  await picker.getByLabel('Tag').selectOption(tag);
  await picker.getByLabel('Sort').selectOption('-name');
  await expect(results.getByRole('button')).toHaveText([b.fileName, a.fileName].map((n) => new RegExp(n)));
  await results.getByRole('button', { name: b.fileName }).click();
  await results.getByRole('button', { name: a.fileName }).click();
  await expect(results.getByRole('button', { name: a.fileName })).toHaveAttribute('aria-pressed', 'true');
  await expect(picker.getByRole('status')).toHaveText('2 selected');

  // The selection stays while the search changes: a third image, by name, without the tag.
  await picker.getByLabel('Tag').selectOption('');
  await picker.getByLabel('Search media').fill(c.fileName);
  await expect(results.getByRole('button')).toHaveCount(1);
  await results.getByRole('button', { name: c.fileName }).click();
  await expect(picker.getByRole('status')).toHaveText('3 selected');
  await page.screenshot({ path: `${shots}/picker-multiple.png` });
  await picker.getByRole('button', { name: 'Add 3 images' }).click();
  await expect(picker).toBeHidden();

  // One trip, in the order they were chosen.
  await expect(page.getByTestId('gallery-item')).toHaveCount(3);
  const names = await page
    .getByTestId('gallery-item')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(names).toEqual([b.fileName, a.fileName, c.fileName]);
});

test('an image inserted in the rich editor asks for its alt text, kept on the media, shown at a working size', async ({
  page,
  request,
}) => {
  const s = suffix();
  const endpoint = `article-${s}`;
  createApi(E2E.dataDir, endpoint, [{ id: 'body', name: 'Body', kind: 'richEditor' }]);
  const big = await image(request, uniqueName('big', 'png'), 1600, 1200);

  await page.goto(`/apis/${endpoint}/new`);
  const editor = page.getByTestId('rich-editor');
  await editor.click();
  await page.keyboard.type('Before the picture.');
  await page.getByRole('button', { name: 'Insert image' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose an image' });
  await picker.getByLabel('Search media').fill(big.fileName);
  await picker.getByRole('button', { name: big.fileName, exact: true }).click();

  const prompt = page.getByRole('dialog', { name: `Alt text for ${big.fileName}` });
  await expect(prompt.getByLabel('Alt text')).toBeFocused();
  await prompt.getByLabel('Alt text').fill('A square of one colour');
  await page.screenshot({ path: `${shots}/editor-alt-prompt.png` });
  await prompt.getByRole('button', { name: 'Insert image' }).click();
  await expect(prompt).toBeHidden();

  const img = editor.locator('img');
  await expect(img).toHaveAttribute('alt', 'A square of one colour');
  await expect(img).toHaveAttribute('width', '1600');
  // Shown at a size to work with, not 1600 × 1200.
  const box = (await img.boundingBox())!;
  expect(box.height).toBeLessThanOrEqual(320);
  expect(box.width).toBeLessThan(600);
  await page.screenshot({ path: `${shots}/editor-image.png`, fullPage: true });
  // The alt text is the media's own: the content API gives it wherever the image is used.
  const record = await (await request.get(`/api/v1/media/${big.id}`, { headers: keyHeader })).json();
  expect(record.alt).toBe('A square of one colour');

  // Cancelling the prompt inserts nothing.
  await page.getByRole('button', { name: 'Insert image' }).click();
  await picker.getByLabel('Search media').fill(big.fileName);
  await picker.getByRole('button', { name: big.fileName, exact: true }).click();
  await expect(prompt.getByLabel('Alt text')).toHaveValue('A square of one colour');
  await prompt.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor.locator('img')).toHaveCount(1);
});

test('leaving an edited content page asks first: in-app links and closing the tab', async ({ page, request }) => {
  const s = suffix();
  const endpoint = `notes-${s}`;
  createApi(E2E.dataDir, endpoint, [{ id: 'title', name: 'Title', kind: 'text' }]);
  const created = await request.post(`/api/v1/${endpoint}`, { headers: keyHeader, data: { title: 'Kept' } });
  const { id } = await created.json();
  const editPath = `/apis/${endpoint}/${id}`;
  const mediaLink = page.getByRole('navigation').getByRole('link', { name: 'Media', exact: true });

  // Nothing edited: no question.
  const asked: string[] = [];
  page.on('dialog', (d) => void asked.push(d.type()));
  await page.goto(editPath);
  await mediaLink.click();
  await expect(page).toHaveURL(/\/media$/);
  expect(asked).toEqual([]);

  // Edited: the link asks; staying keeps the edit on the page.
  await page.goto(editPath);
  await page.getByLabel('Title').fill('Changed, not saved');
  page.once('dialog', (d) => void d.dismiss());
  await mediaLink.click();
  await expect.poll(() => asked).toEqual(['confirm']);
  await expect(page).toHaveURL(new RegExp(`${editPath}$`));
  await expect(page.getByLabel('Title')).toHaveValue('Changed, not saved');

  // Closing or reloading the tab asks too (the browser's own question).
  const unload = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.type());
      void d.dismiss();
    }),
  );
  await page.close({ runBeforeUnload: true });
  expect(await unload).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);

  // Leaving on purpose: accepted, the library opens; after a save nothing is asked.
  page.once('dialog', (d) => void d.accept());
  await mediaLink.click();
  await expect(page).toHaveURL(/\/media$/);
  await page.goto(editPath);
  await page.getByLabel('Title').fill('Saved this time');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const before = asked.length;
  await mediaLink.click();
  await expect(page).toHaveURL(/\/media$/);
  expect(asked.length).toBe(before);
});
