import { expect, test } from '@playwright/test';
import { E2E } from '../support/env';
import { keyHeader } from '../support/media';
import { createApi } from '../support/seed';

const shots = 'tests/.tmp/screenshots';

test('the content list searches, sorts by a column (aria-sort) and pages, as the content API does', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const marker = Math.random().toString(36).slice(2, 8);
  const endpoint = `list-${marker}`;
  createApi(E2E.dataDir, endpoint, [
    { id: 'title', name: 'Title', kind: 'text' },
    { id: 'body', name: 'Body', kind: 'richEditor' },
  ]);
  // 60 items: titles "Post 00" … "Post 59"; every tenth mentions 東京タワー in its body.
  for (let i = 0; i < 60; i += 10) {
    await Promise.all(
      Array.from({ length: 10 }, (_, j) => {
        const n = String(i + j).padStart(2, '0');
        const body = (i + j) % 10 === 0 ? '<p>東京タワーの夜景</p>' : '<p>an ordinary day</p>';
        return request.put(`/api/v1/${endpoint}/${marker}-${n}`, {
          headers: { ...keyHeader, 'Content-Type': 'application/json' },
          data: { title: `Post ${n}`, body },
        });
      }),
    );
  }
  await page.goto(`/apis/${endpoint}`);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(51); // a header and 50 items
  await expect(page.getByText('Page 1 of 2')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Created' })).toHaveAttribute('aria-sort', 'descending');

  await page.getByRole('columnheader', { name: 'Title' }).getByRole('link').click();
  await expect(page).toHaveURL(/sort=title/);
  await expect(page.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('columnheader', { name: 'Created' })).not.toHaveAttribute('aria-sort');
  await expect(rows.nth(1)).toContainText('Post 00');
  await page.getByRole('link', { name: 'Next →' }).click();
  await expect(page.getByText('Page 2 of 2')).toBeVisible();
  await expect(rows).toHaveCount(11);
  await expect(rows.nth(1)).toContainText('Post 50');

  await page.getByRole('columnheader', { name: 'Title' }).getByRole('link').click();
  await expect(page.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.nth(1)).toContainText('Post 59');

  await page.getByLabel('Search content').fill('東京タワー');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(rows).toHaveCount(7);
  await expect(page.getByText('6 items')).toBeVisible();
  // The sort stays while searching: descending titles.
  await expect(rows.nth(1)).toContainText('Post 50');
  await expect(rows.nth(6)).toContainText('Post 00');
  await page.screenshot({ path: `${shots}/content-list-search.png`, fullPage: true });

  const api = await request.get(
    `/api/v1/${endpoint}?q=${encodeURIComponent('東京タワー')}&orders=-title&fields=title`,
    {
      headers: keyHeader,
    },
  );
  const fromApi = ((await api.json()) as { contents: { title: string }[] }).contents.map((c) => c.title);
  await expect(page.getByRole('table').locator('tbody').getByRole('link')).toHaveText(fromApi);

  await page.getByLabel('Search content').fill('nothing like this');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('Nothing matches “nothing like this”.')).toBeVisible();
});

test('an object API made on the New API screen is one form; the content API reads it', async ({ page, request }) => {
  const endpoint = `site-${Math.random().toString(36).slice(2, 8)}`;
  await page.goto('/apis/new');
  await page.getByLabel('API name').fill(`Site ${endpoint}`);
  await page.getByLabel('Endpoint').fill(endpoint);
  await page.getByRole('radio', { name: /Object/ }).check();
  await page.screenshot({ path: `${shots}/api-new-object.png`, fullPage: true });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(new RegExp(`/apis/${endpoint}$`));
  const form = page.getByRole('form', { name: `Edit Site ${endpoint} content` });
  await expect(form).toBeVisible();
  expect((await request.get(`/api/v1/${endpoint}`, { headers: keyHeader })).status()).toBe(404);
  await form.getByLabel('Title').fill('Welcome to Kura');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved');
  await expect(form.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/content-object.png`, fullPage: true });
  const read = await request.get(`/api/v1/${endpoint}`, { headers: keyHeader });
  expect(await read.json()).toMatchObject({ title: 'Welcome to Kura' });
  await page.reload();
  await expect(form.getByLabel('Title')).toHaveValue('Welcome to Kura');
});
