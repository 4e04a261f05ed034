import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E } from '../support/env';
import { keyHeader, pathOf, png, uniqueName, uploadViaApi } from '../support/media';
import { createApi } from '../support/seed';

const reupload = async (request: APIRequestContext, id: string, buffer: Buffer) =>
  expect(
    (
      await request.put(`/api/v1/media/${id}/file`, {
        headers: keyHeader,
        multipart: { file: { name: 'next.png', mimeType: 'image/png', buffer } },
      })
    ).status(),
  ).toBe(200);

test('the panel History lists earlier versions with a thumbnail; Restore this version and Delete version', async ({
  page,
  request,
}) => {
  const first = await png(60, 40);
  const { body: m } = await uploadViaApi(request, uniqueName('history', 'png'), first, 'image/png');
  await reupload(request, m.id, await png(70, 40));
  await reupload(request, m.id, await png(80, 40));

  await page.goto(`/media?selected=${m.id}`);
  const panel = page.getByRole('complementary', { name: 'Media details' });
  const history = panel.getByRole('region', { name: 'History' });
  const versions = history.getByRole('listitem');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText('70 × 40');
  await expect(versions.nth(1)).toContainText('60 × 40');
  await expect(versions.nth(1)).toContainText(`${first.length} bytes`);
  await expect(versions.nth(1)).toContainText('Replaced by API key');
  const thumb = versions.nth(1).locator('img');
  await expect
    .poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await history.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/.tmp/screenshots/media-history.png', fullPage: true });

  const versioned = panel.getByLabel('Versioned URL');
  const before = await versioned.inputValue();
  await versions.nth(1).getByRole('button', { name: 'Restore this version' }).click();
  await expect(history.getByRole('status')).toHaveText('Version restored: it is the current file now');
  await expect(versioned).not.toHaveValue(before);
  await expect(panel.getByTestId('panel-dimensions')).toContainText('60 × 40');
  expect((await (await request.get(pathOf(m.url))).body()).equals(first)).toBe(true);
  // The 80 × 40 file it replaced is the newest version now.
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText('80 × 40');

  await versions.nth(0).getByRole('button', { name: 'Delete version' }).click();
  await page.getByRole('dialog', { name: 'Delete this version?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(history.getByRole('status')).toHaveText('Version deleted');
  await expect(versions).toHaveCount(1);
  await expect(versions.nth(0)).toContainText('70 × 40');
});

test('the picker paints an opaque image in its dominant colour until the thumbnail loads', async ({
  page,
  request,
}) => {
  const endpoint = `placeholders-${Math.random().toString(36).slice(2, 8)}`;
  createApi(E2E.dataDir, endpoint, [{ id: 'cover', name: 'Cover', kind: 'image' }]);
  const { body } = await uploadViaApi(request, uniqueName('swatch', 'png'), await png(48, 32, 0x2060c0), 'image/png');
  const record = body as typeof body & { dominantColor: string; hasAlpha: boolean };
  expect(record.hasAlpha).toBe(false);
  await page.goto(`/apis/${endpoint}/new`);
  await page.getByRole('button', { name: 'Choose Cover' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose an image' });
  await picker.getByLabel('Search media').fill(record.fileName);
  const card = picker.getByRole('button', { name: record.fileName, exact: true });
  await expect(card.locator('[data-placeholder]')).toHaveAttribute('data-placeholder', record.dominantColor);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(record.dominantColor.slice(i, i + 2), 16));
  await expect(card.locator('[data-placeholder]')).toHaveCSS('background-color', `rgb(${r}, ${g}, ${b})`);
});
