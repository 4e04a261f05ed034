import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { keyHeader, pathOf, png, uploadViaApi, type MediaRecord } from '../support/media';
import { createApi, createMemberWithRole } from '../support/seed';

const data = inspect(E2E.dataDir);
const shots = 'tests/.tmp/screenshots';
const suffix = () => Math.random().toString(36).slice(2, 8);

type Full = MediaRecord & { tags: string[]; creator: { id: string; name: string } | null };

/** Uploads `{stem}-{part}.png` for each part, in this order; a unique stem lets a search show only these. */
async function uploadImages(request: APIRequestContext, stem: string, parts: string[]): Promise<Full[]> {
  const out: Full[] = [];
  for (const part of parts) {
    const { res, body } = await uploadViaApi(request, `${stem}-${part}.png`, await png(40, 30), 'image/png');
    expect(res.status(), body.message).toBe(201);
    out.push(body as Full);
  }
  return out;
}

const record = async (request: APIRequestContext, id: string) => {
  const res = await request.get(`/api/v1/media/${id}`, { headers: keyHeader });
  expect(res.status()).toBe(200);
  return (await res.json()) as Full;
};

const setTags = async (request: APIRequestContext, id: string, tags: string[]) => {
  const res = await request.patch(`/api/v1/media/${id}`, { headers: keyHeader, data: { tags } });
  expect(res.status(), await res.text()).toBe(200);
};

const mediaTable = (page: Page) => page.getByRole('table', { name: 'Media' });
const bulkBar = (page: Page) => page.getByRole('region', { name: 'Bulk actions' });
const result = (page: Page) => page.getByRole('status', { name: 'Bulk action result' });
const checkbox = (page: Page, item: { fileName: string }) =>
  mediaTable(page).getByRole('checkbox', { name: `Select ${item.fileName}`, exact: true });
/** File names of the rows, top to bottom. */
const rowNames = (page: Page) => mediaTable(page).locator('tbody').getByRole('link').allTextContents();

/** The cell of an item's row under a column header. */
async function cell(table: Locator, id: string, header: string): Promise<Locator> {
  const headers = (await table.getByRole('columnheader').allInnerTexts()).map((h) => h.trim().toLowerCase());
  const index = headers.indexOf(header.toLowerCase());
  expect(index, `a "${header}" column`).toBeGreaterThanOrEqual(0);
  return table.locator(`tr[data-media-id="${id}"] > td`).nth(index);
}

test('bulk change of creator: three checked, two of them by a shift-click range', async ({ page, request }) => {
  const stem = `owner-${suffix()}`;
  const items = await uploadImages(request, stem, ['a', 'b', 'c', 'd']);
  const name = `Bulk Owner ${suffix()}`;
  const memberId = await createMemberWithRole(
    E2E.dataDir,
    { email: `owner-${suffix()}@kura.test`, password: 'owner password 1', name },
    { mediaRead: 'all', content: {} },
  );

  await page.goto(`/media?q=${stem}&sort=name`);
  await expect.poll(() => rowNames(page)).toEqual(items.map((m) => m.fileName));

  await checkbox(page, items[0]).check();
  await checkbox(page, items[2]).click({ modifiers: ['Shift'] });
  await expect(bulkBar(page).getByText('3 selected', { exact: true })).toBeVisible();
  for (const m of items.slice(0, 3)) await expect(checkbox(page, m)).toBeChecked();
  await expect(checkbox(page, items[3])).not.toBeChecked();
  // A checkbox is not the row: the detail panel stays closed and the URL keeps no selection.
  await expect(page.getByRole('complementary', { name: 'Media details' })).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('selected')).toBeNull();

  await bulkBar(page).getByRole('button', { name: 'Change creator' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change creator of 3 media' });
  await dialog.getByLabel('Creator', { exact: true }).selectOption(memberId);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(result(page)).toHaveText('Changed the creator of 3');
  // Done items leave the selection; none is left, so the bar goes.
  await expect(bulkBar(page)).toHaveCount(0);

  const table = mediaTable(page);
  for (const m of items.slice(0, 3)) {
    await expect(await cell(table, m.id, 'Creator')).toHaveText(name);
    expect((await record(request, m.id)).creator?.id).toBe(memberId);
  }
  await expect(await cell(table, items[3].id, 'Creator')).toHaveText('—');
  expect((await record(request, items[3].id)).creator).toBeNull();
});

test('bulk delete keeps the item content uses and says why; the others 404 at once', async ({ page, request }) => {
  const endpoint = `covers-${suffix()}`;
  createApi(E2E.dataDir, endpoint, [
    { id: 'title', name: 'Title', kind: 'text' },
    { id: 'cover', name: 'Cover', kind: 'image' },
  ]);
  const stem = `purge-${suffix()}`;
  const [a, used, c] = await uploadImages(request, stem, ['a', 'b', 'c']);
  const title = `Cover story ${suffix()}`;
  const post = await request.post(`/api/v1/${endpoint}`, { headers: keyHeader, data: { title, cover: used.url } });
  expect(post.status(), await post.text()).toBe(201);

  await page.goto(`/media?q=${stem}&sort=name`);
  await expect.poll(() => rowNames(page)).toEqual([a.fileName, used.fileName, c.fileName]);
  await mediaTable(page).getByRole('checkbox', { name: 'Select all', exact: true }).check();
  await expect(bulkBar(page).getByText('3 selected', { exact: true })).toBeVisible();

  await bulkBar(page).getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete 3 media?' });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();

  await expect(result(page).getByText('Deleted 2 · Kept 1', { exact: true })).toBeVisible();
  const kept = result(page).getByRole('list', { name: 'Kept media' }).getByRole('listitem');
  await expect(kept).toHaveCount(1);
  // The reason names the item once, not twice.
  await expect(kept).toHaveText(new RegExp(`^${used.fileName} — Cannot be deleted: it is used by “${title}”`));

  // The kept item stays listed and selected; the deleted ones are gone from the list, the disk and their URLs.
  await expect.poll(() => rowNames(page)).toEqual([used.fileName]);
  await expect(bulkBar(page).getByText('1 selected', { exact: true })).toBeVisible();
  await expect(checkbox(page, used)).toBeChecked();
  await page.screenshot({ path: `${shots}/library-bulk.png` });
  for (const gone of [a, c]) {
    expect((await request.get(pathOf(gone.url))).status()).toBe(404);
    expect(data.mediaNamed(gone.fileName)).toEqual([]);
  }
  expect((await request.get(pathOf(used.url))).status()).toBe(200);
});

test('bulk Add tags makes chips and adds to the tags each item already has, naming them', async ({ page, request }) => {
  const stem = `tagged-${suffix()}`;
  const [a, b, c] = await uploadImages(request, stem, ['a', 'b', 'c']);
  const existing = `had-${suffix()}`;
  await setTags(request, a.id, [existing]);
  const [first, second] = [`spring-${suffix()}`, `hero-${suffix()}`];

  await page.goto(`/media?q=${stem}&sort=name`);
  await expect.poll(() => rowNames(page)).toEqual([a.fileName, b.fileName, c.fileName]);
  await checkbox(page, a).check();
  await checkbox(page, c).check();
  await expect(bulkBar(page).getByText('2 selected', { exact: true })).toBeVisible();

  await bulkBar(page).getByRole('button', { name: 'Add tags' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add tags to 2 media' });
  const input = dialog.getByLabel('Tags', { exact: true });
  await input.fill(` ${first} ,, ${first}, `);
  const chips = dialog.getByRole('list', { name: 'Chosen tags' }).getByRole('listitem');
  await expect(chips).toHaveText([new RegExp(`^${first}`)]);
  // Enter makes a chip of what is typed and keeps the dialog open.
  await input.fill(second);
  await input.press('Enter');
  await expect(chips).toHaveText([new RegExp(`^${first}`), new RegExp(`^${second}`)]);
  await expect(input).toHaveValue('');
  await page.screenshot({ path: `${shots}/library-bulk-tags.png` });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(result(page)).toHaveText(`Added tags “${first}”, “${second}” to 2`);

  expect((await record(request, a.id)).tags.toSorted()).toEqual([existing, first, second].toSorted());
  expect((await record(request, c.id)).tags.toSorted()).toEqual([first, second].toSorted());
  expect((await record(request, b.id)).tags).toEqual([]);

  // The new tag is at once a choice of the Tag filter.
  await page.getByLabel('Tag', { exact: true }).selectOption(first);
  await expect(page).toHaveURL(new RegExp(`[?&]tag=${first}(&|$)`));
  await expect.poll(() => rowNames(page)).toEqual([a.fileName, c.fileName]);
});

test('a searched, filtered and sorted view survives a reload and opens the same from its URL', async ({
  page,
  context,
  request,
}) => {
  const stem = `view-${suffix()}`;
  const tag = `shelf-${suffix()}`;
  // Uploaded out of name order, so "Name A–Z" differs from the default newest first.
  const [c, a, b, untagged] = await uploadImages(request, stem, ['c', 'a', 'b', 'e']);
  const { body: notes } = await uploadViaApi(request, `${stem}-d.txt`, Buffer.from('plain notes'), 'text/plain');
  for (const id of [a.id, b.id, c.id, notes.id]) await setTags(request, id, [tag]);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const [after, before] = [day(-1), day(1)];

  await page.goto('/media');
  const search = page.getByLabel('Search media', { exact: true });
  // Typed into the URL after a pause (again, should the first keys have come before the page was live).
  await expect(async () => {
    await search.fill('');
    await search.fill(stem);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${stem}(&|$)`), { timeout: 2_000 });
  }).toPass();
  await expect
    .poll(async () => (await rowNames(page)).toSorted())
    .toEqual([a, b, c, notes, untagged].map((m) => m.fileName).toSorted());

  await page.getByLabel('Kind', { exact: true }).selectOption('image');
  await page.getByLabel('Tag', { exact: true }).selectOption(tag);
  await page.getByLabel('Sort', { exact: true }).selectOption('name');
  await page.getByLabel('Created after', { exact: true }).fill(after);
  await page.getByLabel('Created before', { exact: true }).fill(before);
  await expect(page).toHaveURL(/[?&]before=/);

  const expectView = async (p: Page) => {
    await expect(p.getByLabel('Search media', { exact: true })).toHaveValue(stem);
    await expect(p.getByLabel('Kind', { exact: true })).toHaveValue('image');
    await expect(p.getByLabel('Tag', { exact: true })).toHaveValue(tag);
    await expect(p.getByLabel('Creator', { exact: true })).toHaveValue('');
    await expect(p.getByLabel('Sort', { exact: true })).toHaveValue('name');
    await expect(p.getByLabel('Created after', { exact: true })).toHaveValue(after);
    await expect(p.getByLabel('Created before', { exact: true })).toHaveValue(before);
    await expect.poll(() => rowNames(p)).toEqual([a, b, c].map((m) => m.fileName));
  };
  await expectView(page);
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual({ q: stem, kind: 'image', tag, sort: 'name', after, before });
  await page.screenshot({ path: `${shots}/library-filters.png` });

  await page.reload();
  await expectView(page);

  const other = await context.newPage();
  await other.goto(page.url());
  await expectView(other);

  // Opening an item keeps the view; closing the panel returns to exactly it.
  await other.getByRole('link', { name: b.fileName, exact: true }).click();
  await expect(other.getByRole('complementary', { name: 'Media details' })).toBeVisible();
  await other.getByRole('link', { name: 'Close details' }).click();
  await expect(other.getByRole('complementary', { name: 'Media details' })).toHaveCount(0);
  expect(Object.fromEntries(new URL(other.url()).searchParams)).toEqual(Object.fromEntries(url.searchParams));
  await expectView(other);

  // Nothing matches: the empty state says so and offers to clear every filter, which empties the controls too.
  await other.getByLabel('Search media', { exact: true }).fill(`${stem}-nothing`);
  await expect(other.getByText('No media matches these filters')).toBeVisible();
  await other.getByRole('link', { name: 'Clear filters' }).first().click();
  await expect(other.getByLabel('Search media', { exact: true })).toHaveValue('');
  await expect(other.getByLabel('Kind', { exact: true })).toHaveValue('');
  await expect(other.getByLabel('Created after', { exact: true })).toHaveValue('');
  await expect(other.getByLabel('Sort', { exact: true })).toHaveValue('name');
  expect(Object.fromEntries(new URL(other.url()).searchParams)).toEqual({ sort: 'name' });
  await other.close();
});
