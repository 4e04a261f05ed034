import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { E2E } from '../support/env';
import { png, uniqueName, uploadViaApi } from '../support/media';
import { createApi } from '../support/seed';

// axe-core on the picker, the content editor (and its alt-text prompt) and each settings screen: no violation
// that axe rates serious or critical.
const seriousViolations = async (page: Page, include?: string) => {
  const builder = new AxeBuilder({ page });
  const { violations } = await (include ? builder.include(include) : builder).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
};

test('the content editor, the picker and the alt-text prompt have no serious accessibility violations', async ({
  page,
  request,
}) => {
  const endpoint = `a11y-${Math.random().toString(36).slice(2, 8)}`;
  createApi(E2E.dataDir, endpoint, [
    { id: 'title', name: 'Title', kind: 'text' },
    { id: 'cover', name: 'Cover', kind: 'image' },
    { id: 'photos', name: 'Photos', kind: 'multipleImages' },
    { id: 'body', name: 'Body', kind: 'richEditor' },
  ]);
  const { body: m } = await uploadViaApi(request, uniqueName('a11y', 'png'), await png(64, 48), 'image/png');
  await page.goto(`/apis/${endpoint}/new`);
  await expect(page.getByLabel('Title')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Add images' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose images' });
  await picker.getByLabel('Search media').fill(m.fileName);
  // The results dim while a search loads; scan the settled list, not one mid-search.
  const results = picker.getByRole('list', { name: 'Results' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results).toHaveAttribute('aria-busy', 'false');
  await picker.getByRole('button', { name: m.fileName }).click();
  await expect(picker.getByRole('status')).toHaveText('1 selected');
  expect(await seriousViolations(page)).toEqual([]);
  await picker.getByRole('button', { name: 'Cancel' }).click();

  await page.getByTestId('rich-editor').click();
  await page.getByRole('button', { name: 'Insert image' }).click();
  const single = page.getByRole('dialog', { name: 'Choose an image' });
  await single.getByLabel('Search media').fill(m.fileName);
  await single.getByRole('button', { name: m.fileName, exact: true }).click();
  await expect(page.getByRole('dialog', { name: `Alt text for ${m.fileName}` })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

for (const path of ['/settings/members', '/settings/roles', '/settings/api-keys', '/settings/account']) {
  test(`${path} has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the invite dialogs and the invite page have no serious accessibility violations', async ({ page, browser }) => {
  await page.goto('/settings/members');
  await page.getByRole('button', { name: 'Invite member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite member' });
  await dialog.getByLabel('Email').fill(`a11y-${Math.random().toString(36).slice(2, 8)}@example.test`);
  await dialog.getByRole('checkbox', { name: 'Viewer' }).check();
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Create invite link' }).click();
  const shown = page.getByRole('dialog', { name: /^Invite link for / });
  const link = await shown.getByRole('textbox', { name: 'Invite link' }).inputValue();
  expect(await seriousViolations(page)).toEqual([]);

  const context = await browser.newContext({ baseURL: E2E.baseURL, storageState: { cookies: [], origins: [] } });
  const visitor = await context.newPage();
  await visitor.goto(new URL(link).pathname);
  await expect(visitor.getByRole('button', { name: 'Create account' })).toBeVisible();
  expect(await seriousViolations(visitor)).toEqual([]);
  await context.close();
});
