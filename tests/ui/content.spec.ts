import { expect, test, type Page } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { png, uniqueName, uploadViaApi } from '../support/media';

const data = inspect(E2E.dataDir);
const shots = 'tests/.tmp/screenshots';

/** Creates an API through the New API screen: the fields of a small blog. */
async function createBlogApi(page: Page, endpoint: string) {
  await page.goto('/apis/new');
  await page.getByLabel('API name').fill(`Blog ${endpoint}`);
  await page.getByLabel('Endpoint').fill(endpoint);
  const fields: [string, string, string][] = [
    ['eyecatch', 'Eyecatch', 'Image'],
    ['gallery', 'Gallery', 'Multiple images'],
    ['body', 'Body', 'Rich editor'],
  ];
  for (const [id, name, kind] of fields) {
    await page.getByRole('button', { name: 'Add field' }).click();
    const row = page.getByRole('listitem').last();
    await row.getByLabel('Field id').fill(id);
    await row.getByLabel('Display name').fill(name);
    await row.getByLabel('Kind').selectOption({ label: kind });
  }
  await page.screenshot({ path: `${shots}/api-new.png`, fullPage: true });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(new RegExp(`/apis/${endpoint}$`));
  await expect(page.getByRole('heading', { name: `Blog ${endpoint}` })).toBeVisible();
}

test(
  'a blog post with a picked eyecatch, a gallery image uploaded in the picker and an ' +
    'image in the rich editor; each media then shows 1 reference and refuses Delete',
  async ({ page, request }) => {
    test.setTimeout(120_000);
    const endpoint = `blog-${Math.random().toString(36).slice(2, 8)}`;
    await createBlogApi(page, endpoint);

    const eyecatch = (await uploadViaApi(request, uniqueName('eyecatch', 'png'), await png(800, 450), 'image/png'))
      .body;
    const inline = (await uploadViaApi(request, uniqueName('inline', 'png'), await png(320, 200), 'image/png')).body;
    const galleryName = uniqueName('gallery-new', 'png');
    const title = `First post ${endpoint}`;

    await page.getByRole('link', { name: 'New content' }).click();
    await page.getByLabel('Title').fill(title);

    // Eyecatch: chosen from the library in the picker, found by search.
    await page.getByRole('button', { name: 'Choose Eyecatch' }).click();
    const picker = page.getByRole('dialog', { name: 'Choose an image' });
    await picker.getByLabel('Search media').fill(eyecatch.fileName);
    await expect(picker.getByRole('list', { name: 'Results' }).getByRole('listitem')).toHaveCount(1);
    await page.screenshot({ path: `${shots}/media-picker.png` });
    await picker.getByRole('button', { name: eyecatch.fileName, exact: true }).click();
    await expect(picker).toBeHidden();
    await expect(page.getByTestId('field-eyecatch').getByTestId('media-field-value')).toHaveAttribute(
      'data-media-id',
      eyecatch.id,
    );

    // Gallery: a new image uploaded from inside the picker is selected there, then added.
    await page.getByRole('button', { name: 'Add images' }).click();
    const galleryPicker = page.getByRole('dialog', { name: 'Choose images' });
    await expect(galleryPicker).toBeVisible();
    await galleryPicker
      .getByTestId('picker-upload-input')
      .setInputFiles({ name: galleryName, mimeType: 'image/png', buffer: await png(640, 480) });
    await expect(galleryPicker.getByRole('status')).toHaveText('1 selected');
    await galleryPicker.getByRole('button', { name: 'Add 1 image' }).click();
    await expect(galleryPicker).toBeHidden();
    await expect(page.getByTestId('gallery-item')).toHaveCount(1);
    await expect(page.getByTestId('gallery-item')).toHaveAttribute('aria-label', galleryName);
    const [galleryMedia] = data.query<{ id: string }>('select id from media where file_name = ?', galleryName);

    // Rich editor: text, then an image from the picker.
    const editor = page.getByTestId('rich-editor');
    await editor.click();
    await page.keyboard.type('Hello from the editor.');
    await page.getByRole('button', { name: 'Insert image' }).click();
    await picker.getByLabel('Search media').fill(inline.fileName);
    await expect(picker.getByRole('list', { name: 'Results' }).getByRole('listitem')).toHaveCount(1);
    await picker.getByRole('button', { name: inline.fileName, exact: true }).click();
    // Asked for its alt text first; left empty here (a decoration).
    await page
      .getByRole('dialog', { name: `Alt text for ${inline.fileName}` })
      .getByRole('button', { name: 'Insert image' })
      .click();
    await expect(editor.locator('img')).toHaveAttribute('src', inline.url);
    await expect(editor.locator('img')).toHaveAttribute('width', '320');
    await page.screenshot({ path: `${shots}/content-edit.png`, fullPage: true });

    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(new RegExp(`/apis/${endpoint}/[a-z0-9]{12}$`));
    const contentPath = new URL(page.url()).pathname;
    await expect(page.getByTestId('field-eyecatch').getByTestId('media-field-value')).toHaveAttribute(
      'data-media-id',
      eyecatch.id,
    );

    // The content API sees what the editor saved.
    const api = await request.get(`/api/v1${contentPath.replace('/apis', '')}`, {
      headers: { 'X-MICROCMS-API-KEY': E2E.apiKey },
    });
    const saved = await api.json();
    expect(saved.eyecatch).toMatchObject({ url: eyecatch.url, width: 800, height: 450 });
    expect(saved.gallery).toHaveLength(1);
    expect(saved.body).toContain(`<img src="${inline.url}" alt="" width="320" height="200">`);

    // Each media: "1 reference", linking to the post; Delete is disabled, its note linking the post.
    for (const id of [eyecatch.id, galleryMedia.id, inline.id]) {
      await page.goto(`/media?selected=${id}`);
      const panel = page.getByRole('complementary', { name: 'Media details' });
      await expect(panel.getByTestId('panel-references')).toContainText('1 reference');
      await panel.getByTestId('panel-references').click();
      const link = panel.getByRole('list', { name: 'Content using this media' }).getByRole('link', { name: title });
      await expect(link).toHaveAttribute('href', contentPath);
      await expect(panel.getByRole('button', { name: 'Delete', exact: true })).toBeDisabled();
      const blocked = panel.getByTestId('delete-blocked').getByRole('link', { name: title });
      await expect(blocked).toHaveAttribute('href', contentPath);
      if (id === eyecatch.id) await page.screenshot({ path: `${shots}/delete-refused.png` });
      expect(data.query('select id from media where id = ?', id)).toHaveLength(1);
    }

    // The reference link opens the post's edit page.
    await page
      .getByRole('complementary', { name: 'Media details' })
      .getByRole('list', { name: 'Content using this media' })
      .getByRole('link', { name: title })
      .click();
    await expect(page).toHaveURL(new RegExp(`${contentPath}$`));
  },
);
