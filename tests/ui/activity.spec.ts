import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { E2E } from '../support/env';
import { keyHeader, png, uniqueName, uploadViaApi } from '../support/media';
import { createMemberWithRole } from '../support/seed';

// The log is service-wide and other tests write to it at the same time: each test finds its own rows by
// the unique names of its media, and checks filters by what every listed row must then be.

const shots = 'tests/.tmp/shots';
const KEY = 'API key: KURA_API_KEY'; // the key made from KURA_API_KEY at start

async function patch(request: APIRequestContext, id: string, data: Record<string, unknown>) {
  const res = await request.patch(`/api/v1/media/${id}`, {
    headers: { ...keyHeader, 'Content-Type': 'application/json' },
    data,
  });
  expect(res.status(), await res.text()).toBe(200);
}

const utcDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const rows = (page: Page) => page.getByRole('table', { name: 'Activity' }).locator('tbody tr');

test(
  'API-made renames and alt edits are listed with who and ' +
    'before → after; Who, Operation and dates narrow the list',
  async ({ page, request }) => {
    const original = uniqueName('activity', 'png');
    const renamed = uniqueName('activity-renamed', 'png');
    const { body: item } = await uploadViaApi(request, original, await png(30, 20), 'image/png');
    await patch(request, item.id, { fileName: renamed });
    await patch(request, item.id, { alt: 'A small red square' });

    await page.goto('/media/settings');
    await page.getByRole('link', { name: 'View activity' }).click();
    await expect(page).toHaveURL(/\/media\/settings\/activity$/);
    await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();

    const rename = rows(page).filter({ hasText: `${original} → ${renamed}` });
    await expect(rename).toHaveCount(1);
    await expect(rename).toContainText(KEY);
    await expect(rename.locator('td').nth(2)).toHaveText('Rename');
    await expect(rename.getByRole('link', { name: renamed })).toHaveAttribute('href', `/media?selected=${item.id}`);
    await expect(rename.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);

    const alt = rows(page).filter({ hasText: '“A small red square”' });
    await expect(alt).toHaveCount(1);
    await expect(alt).toContainText(KEY);
    await expect(alt.locator('td').nth(2)).toHaveText('Alt text');
    await expect(alt.locator('td').nth(4)).toHaveText('no alt text → “A small red square”');

    const upload = rows(page).filter({ has: page.getByRole('link', { name: original, exact: true }) });
    await expect(upload.locator('td').nth(2)).toHaveText('Upload');
    await expect(upload.locator('td').nth(4)).toHaveText(/^image\/png · \d+ bytes · 30 × 20$/);
    await expect(page.getByTestId('activity-range')).toHaveText(/^1–\d+ of \d+$/);
    await page.screenshot({ path: `${shots}/activity.png` });

    // Operation: only renames are left, ours among them.
    await page.getByLabel('Operation').selectOption({ label: 'Rename' });
    await expect(page).toHaveURL(/\?operation=rename$/);
    await expect(rename).toHaveCount(1);
    await expect(alt).toHaveCount(0);
    await expect(page.locator('tbody tr:not([data-operation="rename"])')).toHaveCount(0);

    // Who: the env key's work only.
    await page.getByLabel('Who').selectOption({ label: KEY });
    await expect(page).toHaveURL(/actor=[0-9a-f]{32}/);
    await expect(rename).toHaveCount(1);
    await expect(rows(page).filter({ hasNotText: KEY })).toHaveCount(0);

    // Dates: a range long before today shows nothing; one around today shows the rename again.
    await page.getByLabel('From').fill('2001-01-01');
    await expect(page).toHaveURL(/from=2001-01-01/);
    await page.getByLabel('To').fill('2001-01-31');
    await expect(page).toHaveURL(/to=2001-01-31/);
    await expect(page.getByText('No activity matches these filters')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Activity' })).toHaveCount(0);
    await page.getByLabel('To').fill(utcDay(1));
    await page.getByLabel('From').fill(utcDay(-1));
    await expect(page).toHaveURL(new RegExp(`from=${utcDay(-1)}&to=${utcDay(1)}`));
    await expect(rename).toHaveCount(1);

    await page.getByRole('link', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/media\/settings\/activity$/);
    await expect(alt).toHaveCount(1);
  },
);

test('the log pages by 50 with Previous / Next, keeping the filters', async ({ page, request }) => {
  const { body: item } = await uploadViaApi(request, uniqueName('paged', 'png'), await png(10, 10), 'image/png');
  for (let i = 1; i <= 51; i++) await patch(request, item.id, { alt: `paged alt ${i}` });

  await page.goto('/media/settings/activity?operation=alt');
  const range = page.getByTestId('activity-range');
  await expect(range).toHaveText(/^1–50 of \d+$/);
  const total = Number((await range.textContent())!.split(' of ')[1].replace(/,/g, ''));
  expect(total).toBeGreaterThanOrEqual(51);
  await expect(rows(page)).toHaveCount(50);

  await page.getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/\?operation=alt&page=2$/);
  await expect(range).toHaveText(`51–${Math.min(100, total)} of ${total}`);
  await page.getByRole('link', { name: '← Previous' }).click();
  await expect(page).toHaveURL(/\?operation=alt$/);
  await expect(range).toHaveText(`1–50 of ${total}`);
});

test('Activity and webhooks are for Administrators: another member gets 404 and no Webhooks section', async ({
  browser,
}) => {
  const email = `editor-${Math.random().toString(36).slice(2, 8)}@kura.test`;
  await createMemberWithRole(
    E2E.dataDir,
    { email, password: 'editor password 1' },
    { mediaRead: 'all', mediaDelete: true, content: {} },
  );
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('editor password 1');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/media$/);

  await page.goto('/media/settings');
  await expect(page.getByRole('region', { name: 'Tags' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Webhooks' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'View activity' })).toHaveCount(0);
  const res = await page.goto('/media/settings/activity');
  expect(res?.status()).toBe(404);
  await context.close();
});
