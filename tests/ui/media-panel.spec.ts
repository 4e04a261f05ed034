import { createHash } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { keyHeader, pathOf, png, uniqueName, uploadViaApi } from '../support/media';
import { createApi, createMemberWithRole } from '../support/seed';

const data = inspect(E2E.dataDir);
const shots = 'tests/.tmp/screenshots';
const suffix = () => Math.random().toString(36).slice(2, 8);
const v12 = (b: Buffer) => createHash('sha256').update(b).digest('hex').slice(0, 12);

async function image(request: APIRequestContext, stem: string, w = 40, h = 30) {
  const { res, body } = await uploadViaApi(request, uniqueName(stem, 'png'), await png(w, h), 'image/png');
  expect(res.status(), body.message).toBe(201);
  return body;
}

/** Opens the library with this media selected; returns the detail panel. */
async function openPanel(page: Page, id: string) {
  await page.goto(`/media?selected=${id}`);
  const panel = page.getByRole('complementary', { name: 'Media details' });
  await expect(panel).toBeVisible();
  return panel;
}

/** Clicks Re-upload and answers the file chooser it opens. */
async function chooseReplacement(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page
    .getByRole('complementary', { name: 'Media details' })
    .getByRole('button', { name: 'Re-upload', exact: true })
    .click();
  await (await chooser).setFiles(file);
  return page.getByRole('dialog', { name: 'Replace this file?' });
}

test('Rename: a new name, same id; the old URL is 404 at once', async ({ page, request }) => {
  const m = await image(request, 'rename-me');
  const panel = await openPanel(page, m.id);
  await panel.getByRole('button', { name: 'Rename', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename file' });
  const input = dialog.getByRole('textbox', { name: 'File name', exact: true });
  await expect(input).toBeFocused();
  await expect(input).toHaveValue(m.fileName);

  // An empty name is refused in the dialog, which stays open.
  await input.fill('   ');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/give the file a name/i);

  const newName = uniqueName('renamed é', 'png');
  await input.fill(newName);
  await page.screenshot({ path: `${shots}/panel-rename.png` });
  await input.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('panel-file-name')).toHaveText(newName);
  const newUrl = await panel.getByTestId('panel-file-name').getAttribute('href');
  expect(newUrl).toBe(m.url.replace(/[^/]+$/, encodeURIComponent(newName)));
  await expect(page).toHaveURL(new RegExp(`selected=${m.id}`));
  expect((await request.get(pathOf(m.url))).status()).toBe(404);
  expect((await request.get(pathOf(newUrl!))).status()).toBe(200);
});

test('Alt text: set in the dialog with a live count, shown in the panel and by the API', async ({ page, request }) => {
  const m = await image(request, 'alt');
  const panel = await openPanel(page, m.id);
  await expect(panel.getByTestId('panel-alt')).toHaveText('Not set');
  await panel.getByRole('button', { name: 'Edit alt text' }).click();
  const dialog = page.getByRole('dialog', { name: 'Alt text' });
  const alt = dialog.getByRole('textbox', { name: 'Alt text', exact: true });
  await expect(alt).toBeFocused();
  await expect(alt).toHaveAttribute('maxlength', '1000');
  const text = `A teal square ${suffix()}`;
  await alt.fill(text);
  await expect(dialog.getByText(`${text.length} / 1,000 characters`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('panel-alt')).toHaveText(text);
  const record = await (await request.get(`/api/v1/media/${m.id}`, { headers: keyHeader })).json();
  expect(record.alt).toBe(text);
});

test('Tags: typed with commas, picked from existing tags, limited to 10; a tag filters the library', async ({
  page,
  request,
}) => {
  const m = await image(request, 'tags');
  const stem = `t${suffix()}`;
  const [a, b] = [`${stem}-alpha`, `${stem}-beta`];
  const panel = await openPanel(page, m.id);
  await expect(panel.getByTestId('panel-tags')).toHaveText('None');

  await panel.getByRole('button', { name: 'Edit tags' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tags' });
  const input = dialog.getByRole('textbox', { name: 'Tags', exact: true });
  await expect(input).toBeFocused();
  await input.fill(`${a}, ${b}`);
  // The comma made a chip of the first; the second is still being typed and is saved with it.
  await expect(dialog.getByRole('button', { name: `Remove tag ${a}` })).toBeVisible();
  await expect(input).toHaveValue(b);
  await input.press('Enter');
  await expect(dialog.getByRole('button', { name: `Remove tag ${b}` })).toBeVisible();
  await expect(input).toHaveValue('');
  await page.screenshot({ path: `${shots}/panel-tags.png` });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('panel-tags').getByRole('link')).toHaveText([a, b]);

  // Existing tags are offered as toggles, filtered by what is typed.
  await panel.getByRole('button', { name: 'Edit tags' }).click();
  await input.fill(stem);
  const existing = dialog.getByRole('group', { name: 'Existing tags' });
  await expect(existing.getByRole('button', { name: a, exact: true })).toHaveAttribute('aria-pressed', 'true');
  await existing.getByRole('button', { name: b, exact: true }).click();
  await expect(dialog.getByRole('button', { name: `Remove tag ${b}` })).toHaveCount(0);
  await expect(existing.getByRole('button', { name: b, exact: true })).toHaveAttribute('aria-pressed', 'false');

  // Eleven tags: refused by the server, the message shown in the dialog.
  await input.fill(Array.from({ length: 10 }, (_, i) => `${stem}-${i}`).join(', '));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('tags: at most 10 tags per media');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('panel-tags').getByRole('link')).toHaveText([a, b]);

  await panel.getByTestId('panel-tags').getByRole('link', { name: a, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]tag=${encodeURIComponent(a)}(&|$)`));
});

test('Tags: a tag the server refuses is named beside the Tags field, which is marked invalid', async ({
  page,
  request,
}) => {
  const m = await image(request, 'long-tag');
  const panel = await openPanel(page, m.id);
  await panel.getByRole('button', { name: 'Edit tags' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tags' });
  const input = dialog.getByRole('textbox', { name: 'Tags', exact: true });
  await expect(input).not.toHaveAttribute('aria-invalid');
  await input.fill(`${'x'.repeat(51)},`);
  await dialog.getByRole('button', { name: 'Save' }).click();

  // The schema's own message, under the field and in its description; the dialog's error box stays empty.
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAccessibleDescription(/A tag has 1–50 characters/);
  const message = dialog.getByText('A tag has 1–50 characters', { exact: true });
  await expect(message).toBeVisible();
  expect(await input.getAttribute('aria-describedby')).toContain(await message.getAttribute('id'));
  await expect(dialog.getByRole('alert')).toHaveCount(0); // hidden while empty
  await page.screenshot({ path: `${shots}/panel-tags-field-error.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByTestId('panel-tags')).toHaveText('None');
});

test('Change creator: any member, chosen by name and email', async ({ page, request }) => {
  const m = await image(request, 'creator');
  const name = `Creator ${suffix()}`;
  const email = `creator-${suffix()}@kura.test`;
  await createMemberWithRole(
    E2E.dataDir,
    { email, password: 'creator password 1', name },
    { mediaRead: 'all', content: {} },
  );
  const panel = await openPanel(page, m.id);
  await expect(panel.getByTestId('panel-creator')).toHaveText('None (uploaded with an API key or by a removed member)');
  await panel.getByRole('button', { name: 'Change creator' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change creator' });
  const select = dialog.getByRole('combobox', { name: 'Creator', exact: true });
  await expect(select).toBeFocused();
  await expect(select.getByRole('option', { name: `${name} (${email})` })).toHaveCount(1);
  await select.selectOption({ label: `${name} (${email})` });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('panel-creator')).toHaveText(name);
  const record = await (await request.get(`/api/v1/media/${m.id}`, { headers: keyHeader })).json();
  expect(record.creator).toEqual({ id: expect.any(String), name }); // never the email: records reach API keys
});

test('Re-upload keeping the URL: same id, new dimensions and versioned URL; another kind is refused', async ({
  page,
  request,
}) => {
  const m = await image(request, 'reupload', 40, 30);
  const panel = await openPanel(page, m.id);
  await expect(panel.getByTestId('panel-dimensions')).toHaveText('40 × 30');

  const wrong = await chooseReplacement(page, {
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('just some text'),
  });
  // A .txt over a .png: the URL would keep .png, so the dialog asks first; the server then refuses the kind.
  await wrong.getByRole('button', { name: 'Upload' }).click();
  await expect(wrong.getByRole('alert')).toContainText('Confirm that the URL keeps .png');
  await wrong.getByLabel('Keep the .png URL anyway').check();
  await wrong.getByRole('button', { name: 'Upload' }).click();
  await expect(wrong.getByRole('alert')).toContainText('same kind');
  await wrong.getByRole('button', { name: 'Cancel' }).click();
  await expect(wrong).toBeHidden();

  const bytes = await png(120, 90);
  const dialog = await chooseReplacement(page, { name: 'ignored-name.png', mimeType: 'image/png', buffer: bytes });
  await expect(dialog).toContainText(
    'The URL stays the same; the new file must be of the same kind (image or file); alt text is reset.',
  );
  await expect(dialog.getByLabel('Replace with a new URL')).not.toBeChecked();
  await page.screenshot({ path: `${shots}/panel-reupload.png` });
  await dialog.getByRole('button', { name: 'Upload' }).click();
  await expect(dialog).toBeHidden();

  await expect(panel.getByTestId('panel-dimensions')).toHaveText('120 × 90');
  await expect(panel.getByTestId('panel-file-name')).toHaveText(m.fileName);
  await expect(page).toHaveURL(new RegExp(`selected=${m.id}`));
  await expect(panel.getByLabel('Versioned URL')).toHaveValue(`${m.url}?v=${v12(bytes)}`);
  await expect(panel.locator(`img[src="/media/thumbnail/${m.id}?v=${v12(bytes)}"]`)).toBeVisible();
  expect(data.query<{ width: number }>('select width from media where id = ?', m.id)).toEqual([{ width: 120 }]);
});

test('Re-upload with a new URL: the panel follows the new id, the old URL is 404', async ({ page, request }) => {
  const m = await image(request, 'moving');
  const panel = await openPanel(page, m.id);
  const newName = uniqueName('moved', 'png');
  const dialog = await chooseReplacement(page, { name: newName, mimeType: 'image/png', buffer: await png(64, 48) });
  await dialog.getByLabel('Replace with a new URL').check();
  await expect(dialog).toContainText('old URL stops working');
  await expect(dialog).toContainText('Content using it is updated');
  await dialog.getByRole('button', { name: 'Upload' }).click();
  await expect(dialog).toBeHidden();

  await expect(page).toHaveURL(/selected=[0-9a-f]{32}/);
  await expect(page).not.toHaveURL(new RegExp(`selected=${m.id}`));
  const newId = new URL(page.url()).searchParams.get('selected')!;
  await expect(panel.getByTestId('panel-file-name')).toHaveText(newName);
  await expect(panel.getByTestId('panel-dimensions')).toHaveText('64 × 48');
  const newUrl = await panel.getByTestId('panel-file-name').getAttribute('href');
  expect(newUrl).toContain(`/${newId}/`);
  expect((await request.get(pathOf(m.url))).status()).toBe(404);
  expect((await request.get(pathOf(newUrl!))).status()).toBe(200);
});

test('Delete: an unused item goes to Trash with Undo; a referenced one cannot be deleted, linking the content', async ({
  page,
  request,
}) => {
  const unused = await image(request, 'delete-me');
  let panel = await openPanel(page, unused.id);
  await panel.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: /^Delete / });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page).not.toHaveURL(/selected=/);
  expect((await request.get(pathOf(unused.url))).status()).toBe(404);
  // The toast says where it went, and Undo brings the same URL back.
  const toast = page.getByRole('status').filter({ hasText: `Moved ${unused.fileName} to Trash` });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(toast).toContainText(`Undone: Moved ${unused.fileName} to Trash`);
  expect((await request.get(pathOf(unused.url))).status()).toBe(200);

  const endpoint = `panel-${suffix()}`;
  createApi(E2E.dataDir, endpoint, [
    { id: 'title', name: 'Title', kind: 'text' },
    { id: 'cover', name: 'Cover', kind: 'image' },
  ]);
  const used = await image(request, 'keep-me');
  const title = `Post using it ${suffix()}`;
  const res = await request.post(`/api/v1/${endpoint}`, { headers: keyHeader, data: { title, cover: used.url } });
  expect(res.status(), await res.text()).toBe(201);

  // Kura would refuse: the button is disabled, and the note links to the content to change first.
  panel = await openPanel(page, used.id);
  await expect(panel.getByTestId('panel-references')).toContainText('1 reference');
  const del = panel.getByRole('button', { name: 'Delete', exact: true });
  await expect(del).toBeDisabled();
  await expect(del).toHaveAccessibleDescription(new RegExp(`Cannot be deleted while content uses it: ${title}`));
  await expect(panel.getByTestId('delete-blocked').getByRole('link', { name: title })).toHaveAttribute(
    'href',
    `/apis/${endpoint}/${(await res.json()).id}`,
  );
  expect((await request.get(pathOf(used.url))).status()).toBe(200);
});
