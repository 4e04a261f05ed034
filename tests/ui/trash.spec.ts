import { expect, test } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { keyHeader, pathOf, png, uniqueName, uploadViaApi } from '../support/media';
import { createApi } from '../support/seed';

const data = inspect(E2E.dataDir);
const shots = 'tests/.tmp/screenshots';

// Media settings → Trash in the browser: who deleted an item and when, Restore (the same URL answers again) and
// Delete permanently (its bytes leave the disk), each confirmed by the page and by the server.
test('Trash lists deleted media; Restore brings the URL back, Delete permanently removes the bytes', async ({
  page,
  request,
}) => {
  const upload = async (stem: string) => {
    const { res, body } = await uploadViaApi(request, uniqueName(stem, 'png'), await png(48, 32), 'image/png');
    expect(res.status()).toBe(201);
    const [{ key }] = data.query<{ key: string }>('select storage_key as key from media where id = ?', body.id);
    const del = await request.delete(`/api/v2/media?url=${encodeURIComponent(body.url)}`, { headers: keyHeader });
    expect(del.status()).toBe(200);
    expect((await request.get(pathOf(body.url))).status()).toBe(404);
    return { ...body, key };
  };
  const kept = await upload('trash-restore');
  const gone = await upload('trash-forever');

  await page.goto('/media/settings/trash');
  await expect(page.getByRole('heading', { name: 'Trash' })).toBeVisible();
  const trash = page.getByRole('region', { name: 'Media in Trash' });
  const keptRow = trash.getByRole('row').filter({ hasText: kept.fileName });
  await expect(keptRow).toContainText('API key');
  await expect(keptRow.getByRole('cell').nth(1)).toHaveText(/bytes|KB/);
  await page.screenshot({ path: `${shots}/media-trash.png`, fullPage: true });

  await trash.getByRole('button', { name: `Restore ${kept.fileName}` }).click();
  await expect(trash.getByRole('status')).toHaveText(`Restored ${kept.fileName}`);
  await expect(keptRow).toHaveCount(0);
  expect((await request.get(pathOf(kept.url))).status()).toBe(200);

  expect(data.objects().some((f) => f.endsWith(gone.key))).toBe(true);
  await trash.getByRole('button', { name: `Delete ${gone.fileName} permanently` }).click();
  const confirm = page.getByRole('dialog', { name: `Delete ${gone.fileName} permanently?` });
  await page.screenshot({ path: `${shots}/media-trash-confirm.png` });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(trash.getByRole('status')).toHaveText(`Deleted ${gone.fileName} permanently`);
  await expect(trash.getByRole('row').filter({ hasText: gone.fileName })).toHaveCount(0);
  expect(data.objects().some((f) => f.endsWith(gone.key))).toBe(false);
  expect((await request.get(pathOf(gone.url))).status()).toBe(404);
});

test('media in Trash is absent from the library and the picker, and back in both after Restore', async ({
  page,
  request,
}) => {
  const endpoint = `trashpick${Date.now().toString(36)}`;
  createApi(E2E.dataDir, endpoint, [{ id: 'cover', name: 'Cover', kind: 'image' }]);
  const { body: m } = await uploadViaApi(request, uniqueName('trash-picker', 'png'), await png(48, 32), 'image/png');
  const del = await request.delete(`/api/v2/media?url=${encodeURIComponent(m.url)}`, { headers: keyHeader });
  expect(del.status()).toBe(200);

  const searchBoth = async (count: number) => {
    await page.goto(`/media?q=${encodeURIComponent(m.fileName)}`);
    await expect(page.getByRole('table', { name: 'Media' }).getByRole('link', { name: m.fileName })).toHaveCount(count);
    await page.goto(`/apis/${endpoint}/new`);
    await page.getByRole('button', { name: 'Choose Cover' }).click();
    const picker = page.getByRole('dialog', { name: 'Choose an image' });
    await picker.getByLabel('Search media').fill(m.fileName);
    // Found: its button in the results; not found: the picker says no image matches that name.
    if (count === 0) await expect(picker.getByTestId('picker-empty')).toContainText(m.fileName);
    else {
      const results = picker.getByRole('list', { name: 'Results' });
      await expect(results).toHaveAttribute('aria-busy', 'false');
      await expect(results.getByRole('button', { name: m.fileName, exact: true })).toHaveCount(1);
    }
  };
  await searchBoth(0);
  const restored = await request.post(`/api/v1/media/trash/${m.id}/restore`, { headers: keyHeader });
  expect(restored.status(), await restored.text()).toBe(200);
  await searchBoth(1);
});
