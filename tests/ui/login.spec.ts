import { expect, test } from '@playwright/test';
import { E2E } from '../support/env';

test.use({ storageState: { cookies: [], origins: [] } });

test('the library needs a login', async ({ page }) => {
  await page.goto('/media');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
});

test('a wrong password shows an error and keeps you out', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(E2E.adminEmail);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('#login-error').getByRole('alert')).toHaveText('Wrong email or password');
  await page.screenshot({ path: 'tests/.tmp/screenshots/login-error.png' });
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/media');
  await expect(page).toHaveURL(/\/login$/);
});

test('logging in opens the library; logging out closes it', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(E2E.adminEmail.toUpperCase()); // emails are case-insensitive
  await page.getByLabel('Password').fill(E2E.adminPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/media$/);
  await expect(page.getByRole('heading', { name: 'Media' })).toBeVisible();
  await expect(page.getByText(E2E.adminEmail)).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/media');
  await expect(page).toHaveURL(/\/login$/);
});

test('the upload route refuses a request without a session', async ({ request }) => {
  const res = await request.post('/api/media/upload', {
    multipart: { file: { name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from('x') } },
  });
  expect(res.status()).toBe(401);
  expect((await res.json()).message).toMatch(/log in/i);
});
