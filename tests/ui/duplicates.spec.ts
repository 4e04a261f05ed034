import { expect, test } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { blockPicture, freshSeed, resizedCopy } from '../support/duplicate-images';
import { uniqueName, uploadViaApi } from '../support/media';
import { E2E } from '../support/env';

const data = inspect(E2E.dataDir);
const shots = 'tests/.tmp/screenshots';

// The upload list names bytes the library already holds (Use it sends nothing, Upload anyway sends), and the
// Duplicates view groups exact copies and near-duplicates, merging them with "Keep this one".
test('an existing file in the upload list: Use it uploads nothing, Upload anyway uploads; Duplicates merges', async ({
  page,
  request,
}) => {
  const picture = await blockPicture(freshSeed());
  const { body: existing } = await uploadViaApi(request, uniqueName('dup-ui', 'png'), picture, 'image/png');
  const { body: resized } = await uploadViaApi(request, uniqueName('dup-ui-small', 'jpg'), await resizedCopy(picture));
  const [{ sha256 }] = data.query<{ sha256: string }>('select sha256 from media where id = ?', existing.id);
  const copies = () => data.query('select id from media where sha256 = ?', sha256).length;
  // Other workers upload at the same time: count the media this test could have made, not the whole library.
  const named = (name: string) => data.query('select id from media where file_name = ?', name).length;

  await page.goto('/media');
  const input = page.getByTestId('upload-input');
  const again = uniqueName('dup-ui-again', 'png');
  await input.setInputFiles({ name: again, mimeType: 'image/png', buffer: picture });
  const row = page.getByRole('listitem', { name: `Upload of ${again}` });
  await expect(row).toContainText(`Already in the library as ${existing.fileName}`);
  await page.screenshot({ path: `${shots}/duplicates-upload-row.png` });
  await row.getByRole('link', { name: /^Use it/ }).click();
  await expect(page).toHaveURL(new RegExp(`selected=${existing.id}`));
  await expect(row).toContainText('nothing was uploaded');
  expect(named(again)).toBe(0);
  expect(copies()).toBe(1);

  const anyway = uniqueName('dup-ui-anyway', 'png');
  await input.setInputFiles({ name: anyway, mimeType: 'image/png', buffer: picture });
  const second = page.getByRole('listitem', { name: `Upload of ${anyway}` });
  await second.getByRole('button', { name: `Upload ${anyway} anyway` }).click();
  await expect(second).toHaveAttribute('data-upload-status', 'done');
  expect(named(anyway)).toBe(1);
  expect(copies()).toBe(2);

  await page.goto('/media?duplicates=1');
  const exact = page.getByRole('region', { name: `Exact duplicates of ${existing.fileName}` });
  const near = page.getByRole('region', { name: `Near-duplicates of ${existing.fileName}` });
  await expect(exact).toContainText('Exact');
  await expect(exact.getByRole('link')).toHaveText([existing.fileName, anyway]);
  await expect(near).toContainText('Near-duplicate');
  await expect(near.getByRole('link', { name: resized.fileName })).toBeVisible();
  await page.screenshot({ path: `${shots}/duplicates-view.png`, fullPage: true });

  // A near-duplicate waits for the confirmation, which names it; Cancel merges nothing.
  await near.getByRole('button', { name: `Keep ${existing.fileName} and merge the others into it` }).click();
  const dialog = page.getByRole('dialog', { name: `Merge near-duplicates into ${existing.fileName}?` });
  await expect(dialog).toContainText(resized.fileName);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(data.query('select id from media where id = ?', resized.id)).toHaveLength(1);

  // Exact copies merge at once, with a report.
  await exact.getByRole('button', { name: `Keep ${existing.fileName} and merge the others into it` }).click();
  const report = page.getByRole('status', { name: 'Merge result' });
  await expect(report).toContainText(`Kept ${existing.fileName}`);
  await expect(report).toContainText(`Merged ${anyway}`);
  await expect(exact).toBeHidden();
  expect(copies()).toBe(1);
  expect(data.query('select media_id from media_trash where file_name = ?', anyway)).toHaveLength(1);

  await near.getByRole('button', { name: `Keep ${existing.fileName} and merge the others into it` }).click();
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(report).toContainText(`Merged ${resized.fileName}`);
  await expect(near).toBeHidden();
  expect(data.query('select id from media where id = ?', resized.id)).toHaveLength(0);
  expect(data.query('select media_id from media_trash where media_id = ?', resized.id)).toHaveLength(1);
});
