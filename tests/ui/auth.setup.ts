import { expect, test as setup } from '@playwright/test';
import { E2E } from '../support/env';

setup('log in as the Administrator once for the browser tests', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(E2E.adminEmail);
  await page.getByLabel('Password').fill(E2E.adminPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/media$/);
  await page.context().storageState({ path: E2E.storageState });
});
