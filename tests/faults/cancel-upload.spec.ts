import path from 'node:path';
import { expect, test } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';

// A server of its own: "nothing is left" can only be proven with nothing else uploading.
test('cancelling an in-flight upload in the browser leaves no row, no file, no temp file', async ({
  browser,
}, testInfo) => {
  const server = new KuraServer(path.join(testInfo.outputDir, 'data'), testPort(3225));
  await server.start();
  const data = inspect(server.dataDir);
  const context = await browser.newContext({ baseURL: server.baseURL });
  let finished = false;
  try {
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(E2E.adminEmail);
    await page.getByLabel('Password').fill(E2E.adminPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page).toHaveURL(/\/media$/);

    // Slow the browser's uploads so there is an upload in flight to cancel.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 1024 * 1024,
    });
    const name = 'cancel-me.bin';
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await (
      await chooser
    ).setFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.alloc(16 * 1024 * 1024, 5) });

    const row = page.getByRole('listitem', { name: `Upload of ${name}` });
    const bar = row.getByRole('progressbar');
    // Wait until the server is writing it: journalled, with a temp file on disk.
    await expect.poll(() => data.temps().length, { timeout: 20_000 }).toBe(1);
    expect(data.journal()).toEqual([expect.objectContaining({ reason: 'upload' })]);
    const shown = Number(await bar.getAttribute('value'));
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(100);

    await row.getByRole('button', { name: `Cancel upload of ${name}` }).click();
    await expect(row).toHaveAttribute('data-upload-status', 'cancelled');
    await expect(row.getByRole('button', { name: `Retry upload of ${name}` })).toBeVisible();

    await expect.poll(() => data.temps().length + data.journal().length, { timeout: 10_000 }).toBe(0);
    expect(data.mediaRows()).toEqual([]);
    expect(data.objects()).toEqual([]);
    await page.reload();
    await expect(page.getByText('No media yet')).toBeVisible();
    finished = true;
  } finally {
    if (!finished) console.log(`--- server output ---\n${server.output}`);
    await context.close();
    await server.kill('SIGTERM');
  }
});
