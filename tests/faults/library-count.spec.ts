import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { resetTestDatabase, testDatabaseUrl } from '../support/test-database.mjs';

const SEEDED = 10_060; // more than the library counts past a page (COUNT_AHEAD, 10,000): 202 pages of 50

/** A data dir (and, on PostgreSQL, its database) filled by scripts/seed-bulk.mjs before the server starts. */
function seededDataDir(dataDir: string) {
  fs.mkdirSync(dataDir, { recursive: true });
  const url = testDatabaseUrl(dataDir);
  if (url) {
    resetTestDatabase(dataDir);
    fs.writeFileSync(path.join(dataDir, '.test-database'), ''); // KuraServer keeps the seeded database
  }
  execFileSync(
    process.execPath,
    [
      'scripts/seed-bulk.mjs',
      String(SEEDED),
      '--data-dir',
      dataDir,
      '--shared-files',
      ...(url ? ['--database-url', url] : []),
    ],
    { stdio: 'ignore' },
  );
}

// A server of its own: 10,060 media on the shared one would change what every other test sees.
test('past 10,000 media the library says "10,000+" and keeps paging; the last page counts exactly', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const dataDir = path.join(testInfo.outputDir, 'data');
  seededDataDir(dataDir);
  const server = new KuraServer(dataDir, testPort(3291));
  await server.start();
  const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(E2E.adminEmail);
    await page.getByLabel('Password').fill(E2E.adminPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page).toHaveURL(/\/media$/);

    const pages = page.getByRole('navigation', { name: 'Pages' });
    await expect(page.getByText('10,000+ items', { exact: true })).toBeVisible();
    await expect(pages.getByText('Page 1 of 200+')).toBeVisible();

    // Page 200 counts 10,000 past itself: every media there is, and exactly.
    await page.goto('/media?page=200');
    await expect(page.getByText(`${SEEDED.toLocaleString('en-US')} items`, { exact: true })).toBeVisible();
    await expect(pages.getByText('Page 200 of 202', { exact: true })).toBeVisible();
    await pages.getByRole('link', { name: 'Next →' }).click();
    await expect(pages.getByText('Page 201 of 202', { exact: true })).toBeVisible();
    await pages.getByRole('link', { name: 'Next →' }).click();
    await expect(pages.getByText('Page 202 of 202', { exact: true })).toBeVisible();
    await expect(page.locator('[data-media-id]')).toHaveCount(SEEDED - 201 * 50);

    // The API keeps microCMS's exact totalCount.
    const res = await fetch(`${server.baseURL}/api/v2/media?limit=1`, {
      headers: { 'X-MICROCMS-API-KEY': E2E.apiKey },
    });
    expect(((await res.json()) as { totalCount: number }).totalCount).toBe(SEEDED);
  } finally {
    await context.close();
    await server.kill('SIGTERM');
  }
});
