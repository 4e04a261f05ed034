import { expect, test, type Page } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { png, uniqueName } from '../support/media';

const data = inspect(E2E.dataDir);
const shots = 'tests/.tmp/screenshots';

async function pngFile(name: string, width: number, height: number) {
  return { name, mimeType: 'image/png', buffer: await png(width, height) };
}

function uploadRow(page: Page, name: string) {
  return page.getByRole('listitem', { name: `Upload of ${name}` });
}

/** Drops files onto the library the way a browser does: a DataTransfer holding real File objects. */
async function dropFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const payload = files.map((f) => ({ name: f.name, type: f.mimeType, b64: f.buffer.toString('base64') }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], item.name, { type: item.type }));
    }
    return dt;
  }, payload);
  const library = page.getByTestId('library');
  await library.dispatchEvent('dragenter', { dataTransfer });
  await library.dispatchEvent('dragover', { dataTransfer });
  await expect(page.getByText('Drop files to upload')).toBeVisible();
  await library.dispatchEvent('drop', { dataTransfer });
}

test('three files through the Upload button and two dropped: each shows progress and appears', async ({ page }) => {
  await page.goto('/media');
  const picked = [
    await pngFile(uniqueName('button-a', 'png'), 800, 600),
    await pngFile(uniqueName('button-b', 'png'), 300, 300),
    await pngFile(uniqueName('button-c', 'png'), 40, 90),
  ];
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await (await chooser).setFiles(picked);

  const dropped = [
    await pngFile(uniqueName('dropped-a', 'png'), 120, 80),
    { name: uniqueName('dropped-notes', 'txt'), mimeType: 'text/plain', buffer: Buffer.from('plain notes') },
  ];
  await dropFiles(page, dropped);

  for (const file of [...picked, ...dropped]) {
    const row = uploadRow(page, file.name);
    await expect(row).toHaveAttribute('data-upload-status', 'done');
    await expect(row.getByRole('progressbar')).toHaveAttribute('value', '100');
    await expect(row).toContainText('Uploaded');
    // Appears in the library without a reload.
    await expect(page.getByRole('table', { name: 'Media' }).getByRole('link', { name: file.name })).toBeVisible();
    expect(data.mediaNamed(file.name)).toHaveLength(1);
  }
});

test('the browser refuses a file over the limit before sending it, naming the limit', async ({ page }) => {
  await page.goto('/media');
  const name = uniqueName('too-big', 'bin');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await (
    await chooser
  ).setFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.alloc(E2E.maxUploadBytes + 1) });
  const row = uploadRow(page, name);
  await expect(row).toHaveAttribute('data-upload-status', 'failed');
  await expect(row.getByRole('alert')).toHaveText('The file is larger than the upload limit of 20 MB');
  expect(data.mediaNamed(name)).toEqual([]);
});

test('the detail panel shows every field with correct values; table and grid views', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/media');
  const file = await pngFile(uniqueName('panel', 'png'), 1200, 675);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await (await chooser).setFiles(file);
  await expect(uploadRow(page, file.name)).toHaveAttribute('data-upload-status', 'done');

  await page.getByRole('table', { name: 'Media' }).getByRole('link', { name: file.name }).click();
  const [{ id }] = data.mediaNamed(file.name);
  await expect(page).toHaveURL(new RegExp(`/media\\?selected=${id}$`));
  const panel = page.getByRole('complementary', { name: 'Media details' });
  const nameLink = panel.getByTestId('panel-file-name');
  await expect(nameLink).toHaveText(file.name);
  await expect(nameLink).toHaveAttribute('target', '_blank');
  const url = await nameLink.getAttribute('href');
  expect(url).toMatch(new RegExp(`^${E2E.baseURL}/assets/[a-z0-9]+/${id}/${encodeURIComponent(file.name)}$`));
  await expect(panel.getByText('Created')).toBeVisible();
  await expect(panel.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  await expect(panel.getByTestId('panel-format')).toHaveText('Image · PNG');
  await expect(panel.getByTestId('panel-size')).toContainText(`(${file.buffer.length.toLocaleString('en-US')} bytes)`);
  await expect(panel.getByTestId('panel-dimensions')).toHaveText('1200 × 675');
  await expect(panel.getByTestId('panel-creator')).toHaveText('Administrator');
  await expect(panel.getByTestId('panel-references')).toHaveText('0 references');
  await expect(panel.getByTestId('panel-alt')).toHaveText('Not set');
  await expect(panel.getByTestId('panel-tags')).toHaveText('None');
  await expect(panel.getByLabel('Delivery URL')).toHaveValue(url!);
  const versioned = await panel.getByLabel('Versioned URL').inputValue();
  expect(versioned).toMatch(new RegExp(`^${url!.replace(/[.?]/g, '\\$&')}\\?v=[0-9a-f]{12}$`));

  await page.screenshot({ path: `${shots}/library-table-with-panel.png` });

  await panel.getByRole('button', { name: 'Copy URL' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await panel.getByRole('button', { name: 'Copy versioned URL' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(versioned);

  // The original opens in a new tab, public.
  const [tab] = await Promise.all([context.waitForEvent('page'), nameLink.click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toBe(url);
  await tab.close();

  await page.getByRole('link', { name: 'Close details' }).click();
  await expect(panel).toHaveCount(0);
  await page.screenshot({ path: `${shots}/library-table.png` });

  await page.getByRole('link', { name: 'Grid' }).click();
  await expect(page).toHaveURL(/view=grid/);
  const grid = page.getByRole('list', { name: 'Media' });
  await expect(grid.getByText(file.name)).toBeVisible();
  // Thumbnails are small previews, never the original.
  const thumb = grid.locator(`[data-media-id="${id}"] img`);
  await expect(thumb).toHaveAttribute('src', new RegExp(`^/media/thumbnail/${id}\\?v=`));
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
  await page.screenshot({ path: `${shots}/library-grid.png` });
  await grid.getByText(file.name).click();
  await expect(page).toHaveURL(new RegExp(`view=grid.*selected=${id}|selected=${id}.*view=grid`));
  await expect(panel.getByTestId('panel-dimensions')).toHaveText('1200 × 675');
  await page.screenshot({ path: `${shots}/library-grid-with-panel.png` });
});

test('/media/{id} opens the library with that item selected', async ({ page }) => {
  await page.goto('/media');
  const [{ id }] = data.query<{ id: string }>('select id from media order by created_at desc limit 1');
  await page.goto(`/media/${id}`);
  await expect(page).toHaveURL(new RegExp(`/media\\?selected=${id}$`));
  await expect(page.getByRole('complementary', { name: 'Media details' })).toBeVisible();
});

test('the upload route takes only requests from Kura pages', async ({ page }) => {
  await page.goto('/media');
  const send = (headers: Record<string, string>) =>
    page.request.post('/api/media/upload', {
      headers,
      multipart: { file: { name: uniqueName('csrf', 'txt'), mimeType: 'text/plain', buffer: Buffer.from('x') } },
    });
  const foreign = await send({ Origin: 'http://evil.example' });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).message).toBe('Uploads must come from a Kura page');
  expect((await send({})).status()).toBe(403);
  expect((await send({ Origin: E2E.baseURL })).status()).toBe(201);
});

test('a cancelled upload can be retried and then arrives whole', async ({ page }) => {
  await page.goto('/media');
  const cdp = await page.context().newCDPSession(page);
  // Slow enough (≈ 24 s for the file) that the cancel surely lands mid-upload, even on a loaded machine.
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 128 * 1024,
  });
  const name = uniqueName('retry-me', 'png');
  const file = await pngFile(name, 2000, 1500);
  // PNG readers ignore trailing bytes
  const padded = { ...file, buffer: Buffer.concat([file.buffer, Buffer.alloc(3 * 1024 * 1024)]) };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await (await chooser).setFiles(padded);
  const row = uploadRow(page, name);
  await expect
    .poll(async () => Number(await row.getByRole('progressbar').getAttribute('value')), { timeout: 20_000 })
    .toBeGreaterThan(0);
  await row.getByRole('button', { name: `Cancel upload of ${name}` }).click();
  await expect(row).toHaveAttribute('data-upload-status', 'cancelled');

  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await row.getByRole('button', { name: `Retry upload of ${name}` }).click();
  await expect(row).toHaveAttribute('data-upload-status', 'done');
  await expect(page.getByRole('table', { name: 'Media' }).getByRole('link', { name })).toBeVisible();
  const [record] = data.query<{ size: number; width: number }>(
    'select size, width from media where file_name = ?',
    name,
  );
  expect(record).toEqual({ size: padded.buffer.length, width: 2000 });
});
