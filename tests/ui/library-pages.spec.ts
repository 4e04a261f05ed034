import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { keyHeader, uploadViaApi } from '../support/media';

const shots = 'tests/.tmp/screenshots';
const suffix = () => Math.random().toString(36).slice(2, 8);

const mediaTable = (page: Page) => page.getByRole('table', { name: 'Media' });
const rows = (page: Page) => mediaTable(page).locator('tbody tr');
const rowNames = (page: Page) => mediaTable(page).locator('tbody').getByRole('link').allTextContents();
const pages = (page: Page) => page.getByRole('navigation', { name: 'Pages' });
const bulkBar = (page: Page) => page.getByRole('region', { name: 'Bulk actions' });
const result = (page: Page) => page.getByRole('status', { name: 'Bulk action result' });
const checkbox = (page: Page, fileName: string) =>
  mediaTable(page).getByRole('checkbox', { name: `Select ${fileName}`, exact: true });

/** `count` small text files named `{stem}-{n}.txt`, of growing size, uploaded in parallel batches. */
async function uploadFiles(request: APIRequestContext, stem: string, count: number) {
  const out: { id: string; fileName: string }[] = [];
  for (let start = 0; start < count; start += 10) {
    const batch = Array.from({ length: Math.min(10, count - start) }, (_, i) => start + i);
    const done = await Promise.all(
      batch.map(async (n) => {
        const name = `${stem}-${String(n).padStart(3, '0')}.txt`;
        const { res, body } = await uploadViaApi(request, name, Buffer.from('x'.repeat(n + 1)), 'text/plain');
        expect(res.status(), body.message).toBe(201);
        return { id: body.id, fileName: body.fileName };
      }),
    );
    out.push(...done);
  }
  return out;
}

const tagsOf = async (request: APIRequestContext, id: string) =>
  ((await (await request.get(`/api/v1/media/${id}`, { headers: keyHeader })).json()) as { tags: string[] }).tags;

test('numbered pages, a page to jump to and 50/100/200 per page, all in the URL', async ({ page, request }) => {
  const stem = `paged-${suffix()}`;
  await uploadFiles(request, stem, 110);

  await page.goto(`/media?q=${stem}&sort=name`);
  await expect(rows(page)).toHaveCount(50);
  await expect(pages(page).getByText('Page 1 of 3')).toBeVisible();
  await expect(pages(page).getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
  await page.screenshot({ path: `${shots}/library-pages.png` });

  // Page 3 of 3 in one click.
  await pages(page).getByRole('link', { name: 'Page 3' }).click();
  await expect(page).toHaveURL(/[?&]page=3(&|$)/);
  await expect(rows(page)).toHaveCount(10);
  await expect(pages(page).getByRole('link', { name: 'Page 3' })).toHaveAttribute('aria-current', 'page');
  expect((await rowNames(page))[0]).toBe(`${stem}-100.txt`);

  // An empty page number is answered, not ignored.
  await pages(page).getByLabel('Go to page').press('Enter');
  await expect(pages(page).getByRole('alert')).toHaveText('Type a page number from 1 to 3');
  await expect(page).toHaveURL(/[?&]page=3(&|$)/);
  await pages(page).getByLabel('Go to page').fill('2');
  await expect(pages(page).getByRole('alert')).toHaveCount(0);
  await pages(page).getByLabel('Go to page').press('Enter');
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect.poll(async () => (await rowNames(page))[0]).toBe(`${stem}-050.txt`);

  // 100 per page: the first item on screen (the 51st) is on page 1 of 2 now.
  await pages(page).getByLabel('Per page').selectOption('100');
  await expect(page).toHaveURL(/[?&]perPage=100(&|$)/);
  await expect(rows(page)).toHaveCount(100);
  await expect(pages(page).getByText('Page 1 of 2')).toBeVisible();
  await page.getByLabel('Per page').selectOption('200');
  await expect(rows(page)).toHaveCount(110);
  await expect(pages(page).getByText('Page 1 of 1')).toBeVisible();
  // A page size survives a reload (it is in the URL).
  await page.reload();
  await expect(page.getByLabel('Per page')).toHaveValue('200');
  await expect(rows(page)).toHaveCount(110);
});

test('Name, Size and Created headers sort the list and say so with aria-sort', async ({ page, request }) => {
  const stem = `sorted-${suffix()}`;
  const files = await uploadFiles(request, stem, 4); // sizes 1–4 bytes, uploaded in name order
  const names = files.map((f) => f.fileName);

  await page.goto(`/media?q=${stem}`);
  const header = (name: string) => mediaTable(page).getByRole('columnheader', { name });
  await expect(header('Created')).toHaveAttribute('aria-sort', 'descending');
  await expect(header('Size')).toHaveAttribute('aria-sort', 'none');

  await header('Size').getByRole('link').click();
  await expect(page).toHaveURL(/[?&]sort=-size(&|$)/);
  await expect(header('Size')).toHaveAttribute('aria-sort', 'descending');
  await expect(header('Created')).toHaveAttribute('aria-sort', 'none');
  await expect.poll(() => rowNames(page)).toEqual(names.toReversed());
  await expect(page.getByLabel('Sort', { exact: true })).toHaveValue('-size');

  await header('Size').getByRole('link').click();
  await expect(header('Size')).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => rowNames(page)).toEqual(names);

  await header('Name').getByRole('link').click();
  await expect(page).toHaveURL(/[?&]sort=name(&|$)/);
  await expect(header('Name')).toHaveAttribute('aria-sort', 'ascending');
  await header('Name').getByRole('link').click();
  await expect(header('Name')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => rowNames(page)).toEqual(names.toReversed());
});

test('a selection survives a new search and a new page, and Clear selection empties it', async ({ page, request }) => {
  const [first, second] = [`gather-${suffix()}`, `gather-${suffix()}`];
  const [a] = await uploadFiles(request, first, 1);
  const [b, c] = await uploadFiles(request, second, 2);
  const tag = `gathered-${suffix()}`;

  await page.goto(`/media?q=${first}`);
  await checkbox(page, a.fileName).check();
  await page.getByLabel('Search media', { exact: true }).fill(second);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${second}(&|$)`));
  await expect(rows(page)).toHaveCount(2);
  await expect(bulkBar(page)).toContainText('1 selected · 1 not on this page');
  await checkbox(page, b.fileName).check();
  await expect(bulkBar(page)).toContainText('2 selected · 1 not on this page');
  await page.screenshot({ path: `${shots}/library-selection.png` });

  await bulkBar(page).getByRole('button', { name: 'Add tags' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add tags to 2 media' });
  await dialog.getByLabel('Tags', { exact: true }).fill(tag);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(result(page)).toHaveText(`Added tag “${tag}” to 2`);
  expect(await tagsOf(request, a.id)).toEqual([tag]);
  expect(await tagsOf(request, b.id)).toEqual([tag]);
  expect(await tagsOf(request, c.id)).toEqual([]);

  // Done items leave the selection (as after every bulk change); a new one starts it again.
  await expect(bulkBar(page)).toHaveCount(0);
  await checkbox(page, c.fileName).check();
  await expect(bulkBar(page)).toContainText('1 selected');
  await bulkBar(page).getByRole('button', { name: 'Clear selection' }).click();
  await expect(bulkBar(page)).toHaveCount(0);
  await expect(checkbox(page, b.fileName)).not.toBeChecked();
});

test('bulk Remove tags takes chosen tags off each item and names the items that had none', async ({
  page,
  request,
}) => {
  const stem = `untag-${suffix()}`;
  const [a, b, c] = await uploadFiles(request, stem, 3);
  const [keep, drop] = [`keep-${suffix()}`, `drop-${suffix()}`];
  for (const [m, tags] of [
    [a, [keep, drop]],
    [b, [drop]],
    [c, [keep]],
  ] as const) {
    const res = await request.patch(`/api/v1/media/${m.id}`, { headers: keyHeader, data: { tags } });
    expect(res.status()).toBe(200);
  }

  await page.goto(`/media?q=${stem}&sort=name`);
  await mediaTable(page).getByRole('checkbox', { name: 'Select all', exact: true }).check();
  await bulkBar(page).getByRole('button', { name: 'Remove tags' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove tags from 3 media' });
  const input = dialog.getByLabel('Tags', { exact: true });
  await input.fill(drop);
  await input.press('Enter');
  await expect(dialog.getByRole('list', { name: 'Chosen tags' }).getByRole('listitem')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(result(page).getByText(`Removed tag “${drop}” from 2 · Kept 1`, { exact: true })).toBeVisible();
  await expect(result(page).getByRole('list', { name: 'Kept media' })).toHaveText(
    `${c.fileName} — It has none of these tags`,
  );
  expect(await tagsOf(request, a.id)).toEqual([keep]);
  expect(await tagsOf(request, b.id)).toEqual([]);
  expect(await tagsOf(request, c.id)).toEqual([keep]);
});
