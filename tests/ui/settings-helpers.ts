import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { E2E } from '../support/env';
import { keyHeader, png, uniqueName, uploadViaApi, type MediaRecord } from '../support/media';

/** Screenshots of the settings screens, looked at by a person. */
export const shots = 'tests/.tmp/shots';

export const suffix = () => Math.random().toString(36).slice(2, 8);

/** A fresh browser (no Administrator cookie) logged in as this member. */
export async function logInAs(
  browser: Browser,
  email: string,
  password: string,
  baseURL: string = E2E.baseURL,
): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/media$/);
  return page;
}

/** An image uploaded with the test key and then given this creator (null: none). */
export async function imageBy(
  request: APIRequestContext,
  stem: string,
  creatorId: string | null,
): Promise<MediaRecord> {
  const { res, body } = await uploadViaApi(request, uniqueName(stem, 'png'), await png(32, 24), 'image/png');
  expect(res.status()).toBe(201);
  if (creatorId) {
    const patched = await request.patch(`/api/v1/media/${body.id}`, {
      headers: { ...keyHeader, 'Content-Type': 'application/json' },
      data: { creatorId },
    });
    expect(patched.status(), await patched.text()).toBe(200);
  }
  return body;
}

/** The file names the library shows for a search (the first page is enough for a test's own few items). */
export async function libraryNames(page: Page, search: string): Promise<string[]> {
  await page.goto(`/media?q=${encodeURIComponent(search)}`);
  await expect(page.getByRole('heading', { name: 'Media', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Media' });
  if (!(await table.isVisible())) return [];
  return (await table.getByRole('link').allTextContents())
    .map((t) => t.trim())
    .filter((t) => t.includes(search))
    .sort();
}
