import { expect, test } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { png, uniqueName } from '../support/media';

// The upload tray: one count for all files, rows that lead to the new items, honest about what the view hides and
// about files that cannot be sent, and out of the way when asked.
const data = inspect(E2E.dataDir);
const shots = 'tests/.tmp/screenshots';

test('the tray counts every file, leads to each new item and refuses an empty file for good', async ({ page }) => {
  await page.goto('/media');
  const names = [uniqueName('tray-a', 'png'), uniqueName('tray-b', 'png'), uniqueName('tray-c', 'png')];
  const empty = uniqueName('tray-empty', 'txt');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await (
    await chooser
  ).setFiles([
    ...(await Promise.all(names.map(async (name) => ({ name, mimeType: 'image/png', buffer: await png(40, 30) })))),
    { name: empty, mimeType: 'text/plain', buffer: Buffer.alloc(0) },
  ]);
  const tray = page.getByRole('region', { name: 'Uploads' });
  await expect(tray.getByTestId('upload-summary')).toHaveText('3 of 4 done · 1 failed');
  await page.screenshot({ path: `${shots}/upload-tray.png` });

  // The empty file: a reason, no progress bar, no Retry; nothing reached the library.
  const emptyRow = tray.getByRole('listitem', { name: `Upload of ${empty}` });
  await expect(emptyRow.getByRole('alert')).toHaveText('The file is empty (0 bytes): there is nothing to upload');
  await expect(emptyRow.getByRole('progressbar')).toHaveCount(0);
  await expect(emptyRow.getByRole('button', { name: /Retry/ })).toHaveCount(0);
  expect(data.mediaNamed(empty)).toHaveLength(0);

  // A finished row's name opens the new item.
  const [{ id }] = data.mediaNamed(names[1]);
  await tray.getByRole('link', { name: names[1] }).click();
  await expect(page).toHaveURL(new RegExp(`selected=${id}`));
  await expect(page.getByRole('complementary', { name: 'Media details' }).getByTestId('panel-file-name')).toHaveText(
    names[1],
  );

  // Hide folds the rows away; Show brings them back.
  await tray.getByRole('button', { name: 'Hide' }).click();
  await expect(tray.getByRole('listitem')).toHaveCount(0);
  await tray.getByRole('button', { name: 'Show' }).click();
  await expect(tray.getByRole('listitem')).toHaveCount(4);
});

test('an upload the current filter hides says so instead of just "Uploaded"', async ({ page }) => {
  await page.goto('/media?kind=video');
  const name = uniqueName('tray-hidden', 'png');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await (await chooser).setFiles({ name, mimeType: 'image/png', buffer: await png(40, 30) });
  const row = page.getByRole('region', { name: 'Uploads' }).getByRole('listitem', { name: `Upload of ${name}` });
  await expect(row).toHaveAttribute('data-upload-status', 'done');
  await expect(row).toContainText('Not in this view: the filters, sort or page hide it');
  await row.getByRole('link', { name }).click();
  await expect(page.getByRole('complementary', { name: 'Media details' }).getByTestId('panel-file-name')).toHaveText(
    name,
  );
});

test('many uploads keep the tray to a part of the screen, scrolling inside', async ({ page }) => {
  await page.goto('/media');
  const files = await Promise.all(
    Array.from({ length: 12 }, async (_, i) => ({
      name: uniqueName(`tray-many${i}`, 'png'),
      mimeType: 'image/png',
      buffer: await png(20, 20),
    })),
  );
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await (await chooser).setFiles(files);
  const tray = page.getByRole('region', { name: 'Uploads' });
  await expect(tray.getByTestId('upload-summary')).toHaveText('12 of 12 done');
  const box = (await tray.boundingBox())!;
  expect(box.height).toBeLessThanOrEqual(900 * 0.5);
  expect(box.y + box.height).toBeLessThanOrEqual(900);
});
