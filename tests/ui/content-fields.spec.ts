import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { keyHeader, png, uniqueName, uploadViaApi } from '../support/media';
import { createApi, createMemberWithRole } from '../support/seed';

const data = inspect(E2E.dataDir);
const shots = 'tests/.tmp/screenshots';
const suffix = () => Math.random().toString(36).slice(2, 8);

const image = async (request: APIRequestContext, stem: string, w = 64, h = 48) =>
  (await uploadViaApi(request, uniqueName(stem, 'png'), await png(w, h), 'image/png')).body;

async function createContent(
  request: APIRequestContext,
  endpoint: string,
  body: Record<string, unknown>,
): Promise<string> {
  const res = await request.post(`/api/v1/${endpoint}`, { headers: keyHeader, data: body });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id;
}

async function logInAs(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/media$/);
}

test('the reference list shows only content of APIs the viewer may read', async ({ page, request, browser }) => {
  const readable = `news-${suffix()}`;
  const secret = `internal-${suffix()}`;
  const readableId = createApi(
    E2E.dataDir,
    readable,
    [
      { id: 'title', name: 'Title', kind: 'text' },
      { id: 'cover', name: 'Cover', kind: 'image' },
    ],
    'News',
  );
  createApi(
    E2E.dataDir,
    secret,
    [
      { id: 'title', name: 'Title', kind: 'text' },
      { id: 'cover', name: 'Cover', kind: 'image' },
    ],
    'Internal memos',
  );
  const shared = await image(request, 'shared');
  await createContent(request, readable, { title: 'Public news item', cover: shared.url });
  await createContent(request, secret, { title: 'Secret memo', cover: shared.url });

  // The Administrator sees both.
  await page.goto(`/media?selected=${shared.id}`);
  const adminPanel = page.getByRole('complementary', { name: 'Media details' });
  await adminPanel.getByTestId('panel-references').click();
  await expect(adminPanel.getByRole('list', { name: 'Content using this media' }).getByRole('link')).toHaveText([
    'Secret memo',
    'Public news item',
  ]);

  const email = `reader-${suffix()}@kura.test`;
  await createMemberWithRole(
    E2E.dataDir,
    { email, password: 'reader password 1' },
    { mediaRead: 'all', content: { [readableId]: { read: true } } },
  );
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const reader = await context.newPage();
  await logInAs(reader, email, 'reader password 1');
  await reader.goto(`/media?selected=${shared.id}`);
  const panel = reader.getByRole('complementary', { name: 'Media details' });
  await expect(panel.getByTestId('panel-references')).toContainText('2 references');
  await panel.getByTestId('panel-references').click();
  const list = panel.getByRole('list', { name: 'Content using this media' });
  await expect(list.getByRole('link')).toHaveText(['Public news item']);
  await expect(list).toContainText('1 more in content you cannot read');
  await expect(list).not.toContainText('Secret memo');
  await reader.screenshot({ path: `${shots}/references-limited.png` });
  await context.close();
});

test('“Unused only” lists media no content references', async ({ page, request }) => {
  const endpoint = `notes-${suffix()}`;
  createApi(E2E.dataDir, endpoint, [
    { id: 'title', name: 'Title', kind: 'text' },
    { id: 'body', name: 'Body', kind: 'richEditor' },
  ]);
  const used = await image(request, 'used');
  const unused = await image(request, 'unused');
  await createContent(request, endpoint, { title: 'uses one', body: `<p><img src="${used.url}"></p>` });

  await page.goto('/media');
  await page.getByRole('link', { name: 'Unused only' }).click();
  await expect(page).toHaveURL(/unused=1/);
  const table = page.getByRole('table', { name: 'Media' });
  await expect(table.getByRole('link', { name: unused.fileName })).toBeVisible();
  await expect(table.getByRole('link', { name: used.fileName })).toHaveCount(0);
  await page.goto('/media');
  await expect(page.getByRole('table', { name: 'Media' }).getByRole('link', { name: used.fileName })).toBeVisible();
});

test(
  'gallery order by keyboard and by mouse drag, a file dropped ' +
    'onto a field, an exact-size refusal, a removed field',
  async ({ page, request }) => {
    test.setTimeout(90_000);
    const endpoint = `shop-${suffix()}`;
    createApi(E2E.dataDir, endpoint, [
      { id: 'title', name: 'Title', kind: 'text' },
      { id: 'banner', name: 'Banner', kind: 'image', imageSize: { width: 300, height: 100 } },
      { id: 'photos', name: 'Photos', kind: 'multipleImages' },
    ]);
    const [a, b, c] = [
      await image(request, 'photo-a'),
      await image(request, 'photo-b'),
      await image(request, 'photo-c'),
    ];
    const wrongSize = await image(request, 'banner-wrong', 320, 100);
    const id = await createContent(request, endpoint, { title: 'Product', photos: [a.url, b.url, c.url] });
    await page.goto(`/apis/${endpoint}/${id}`);
    const items = page.getByTestId('gallery-item');
    const order = () => items.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    await expect.poll(order).toEqual([a.fileName, b.fileName, c.fileName]);

    // Keyboard: pick up the first image, move it one place right, put it down.
    // Each key waits for the screen-reader announcement of the step before, as a person hears it.
    const announced = (text: string) => expect(page.getByRole('status').filter({ hasText: text })).toBeAttached();
    await items.first().focus();
    await page.keyboard.press('Space');
    await announced(`${a.fileName} moved to position 1 of 3.`);
    await page.keyboard.press('ArrowRight');
    await announced(`${a.fileName} moved to position 2 of 3.`);
    await page.keyboard.press('Space');
    await announced(`${a.fileName} dropped at position 2 of 3.`);
    await expect.poll(order).toEqual([b.fileName, a.fileName, c.fileName]);

    // Mouse: drag the last image onto the first place.
    const from = (await items.nth(2).boundingBox())!;
    const to = (await items.nth(0).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 3);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 3, { steps: 15 });
    await page.mouse.up();
    await expect.poll(order).toEqual([c.fileName, b.fileName, a.fileName]);

    // A file dropped from the desktop onto the banner field is uploaded and used.
    const droppedName = uniqueName('banner-dropped', 'png');
    const dataTransfer = await page.evaluateHandle(
      ({ name, b64 }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))], name, { type: 'image/png' }));
        return dt;
      },
      { name: droppedName, b64: (await png(300, 100)).toString('base64') },
    );
    const banner = page.getByTestId('field-banner');
    for (const type of ['dragenter', 'dragover', 'drop']) await banner.dispatchEvent(type, { dataTransfer });
    await expect(banner.getByTestId('media-field-value')).toContainText(droppedName);

    // An image of the wrong size is refused for the field, with its size named.
    await page.getByRole('button', { name: 'Choose Banner' }).click();
    const picker = page.getByRole('dialog', { name: 'Choose an image' });
    await picker.getByLabel('Search media').fill(wrongSize.fileName);
    await expect(picker.getByRole('list', { name: 'Results' }).getByRole('listitem')).toHaveCount(1);
    await picker.getByRole('button', { name: wrongSize.fileName, exact: true }).click();
    await expect(picker.getByRole('alert')).toContainText(
      `needs an image of exactly 300 × 100 px; ${wrongSize.fileName} is 320 × 100 px`,
    );
    await picker.getByRole('button', { name: 'Cancel' }).click();
    await expect(banner.getByTestId('media-field-value')).toContainText(droppedName);

    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    const saved = await (await request.get(`/api/v1/${endpoint}/${id}`, { headers: keyHeader })).json();
    expect(saved.photos.map((p: { url: string }) => p.url)).toEqual([c.url, b.url, a.url]);
    expect(saved.banner).toMatchObject({ width: 300, height: 100 });
    expect(saved.banner.url).toContain(encodeURIComponent(droppedName));

    // Removing the photos field from the API drops its values and their references at once.
    const refs = (mediaId: string) =>
      data.query('select content_id from content_media where media_id = ?', mediaId).length;
    expect(refs(a.id)).toBe(1);
    await page.goto(`/apis/${endpoint}/settings`);
    await page.getByRole('button', { name: 'Remove field photos' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(new RegExp(`/apis/${endpoint}$`));
    expect(refs(a.id)).toBe(0);
    const after = await (await request.get(`/api/v1/${endpoint}/${id}`, { headers: keyHeader })).json();
    expect(after).not.toHaveProperty('photos');
  },
);

test('New API refuses the reserved endpoint “media” and names the problem', async ({ page }) => {
  await page.goto('/apis/new');
  await page.getByLabel('API name').fill('Media again');
  await page.getByLabel('Endpoint').fill('media');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('"media" is reserved and cannot name an API')).toBeVisible();
  // Beside the Endpoint field, which is marked invalid and described by it.
  await expect(page.getByLabel('Endpoint')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Endpoint')).toHaveAccessibleDescription(/"media" is reserved and cannot name an API/);
  await expect(page).toHaveURL(/\/apis\/new$/);
});

test(
  'Insert file links a PDF in the rich editor; image fields pick ' +
    'images only; deleting the content frees the media for Delete',
  async ({ page, request }) => {
    const endpoint = `docs-${suffix()}`;
    createApi(E2E.dataDir, endpoint, [
      { id: 'title', name: 'Title', kind: 'text' },
      { id: 'cover', name: 'Cover', kind: 'image' },
      { id: 'body', name: 'Body', kind: 'richEditor' },
    ]);
    const pdfName = uniqueName('manual', 'pdf');
    const pdf = (
      await uploadViaApi(
        request,
        pdfName,
        Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
        'application/pdf',
      )
    ).body;

    await page.goto(`/apis/${endpoint}/new`);
    await page.getByLabel('Title').fill('Manual');
    await page.getByRole('button', { name: 'Choose Cover' }).click();
    const imagePicker = page.getByRole('dialog', { name: 'Choose an image' });
    await imagePicker.getByLabel('Search media').fill(pdfName);
    await expect(imagePicker.getByTestId('picker-empty')).toBeVisible();
    await imagePicker.getByRole('button', { name: 'Cancel' }).click();

    await page.getByTestId('rich-editor').click();
    await page.getByRole('button', { name: 'Insert file' }).click();
    const filePicker = page.getByRole('dialog', { name: 'Choose a file' });
    await filePicker.getByLabel('Search media').fill(pdfName);
    await filePicker.getByRole('button', { name: pdfName, exact: true }).click();
    await expect(page.getByTestId('rich-editor').getByRole('link', { name: pdfName })).toHaveAttribute('href', pdf.url);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(new RegExp(`/apis/${endpoint}/[a-z0-9]{12}$`));
    expect(data.query('select content_id from content_media where media_id = ?', pdf.id)).toHaveLength(1);

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete this content?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(page).toHaveURL(new RegExp(`/apis/${endpoint}$`));
    await expect(page.getByText('No content yet.')).toBeVisible();
    expect(data.query('select content_id from content_media where media_id = ?', pdf.id)).toHaveLength(0);

    await page.goto(`/media?selected=${pdf.id}`);
    const panel = page.getByRole('complementary', { name: 'Media details' });
    await expect(panel.getByTestId('panel-references')).toHaveText('0 references');
    await panel.getByRole('button', { name: 'Delete', exact: true }).click();
    await page
      .getByRole('dialog', { name: `Delete ${pdfName}?` })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect(page.getByRole('complementary', { name: 'Media details' })).toHaveCount(0);
    await expect(page.getByRole('table', { name: 'Media' }).getByRole('link', { name: pdfName })).toHaveCount(0);
    expect((await request.get(new URL(pdf.url).pathname)).status()).toBe(404);
  },
);
