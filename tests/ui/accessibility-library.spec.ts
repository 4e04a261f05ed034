import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { png, uniqueName, uploadViaApi } from '../support/media';

// axe-core over the library screens (tests/ui/accessibility.spec.ts covers the content editor, the picker and the
// settings): no serious or critical violation.

async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `${what} at ${page.url()}`).toEqual([]);
}

test('the library, the panel and its dialogs, the Image API preview', async ({ page, request }) => {
  const { body: m } = await uploadViaApi(request, uniqueName('axe', 'png'), await png(320, 200));
  await page.goto('/media');
  await expectAccessible(page, 'library (table)');
  await page.goto('/media?view=grid');
  await expectAccessible(page, 'library (grid)');
  await page.goto(`/media?selected=${m.id}`);
  await expect(page.getByRole('complementary', { name: 'Media details' })).toBeVisible();
  await expectAccessible(page, 'panel');
  const panel = page.getByRole('complementary', { name: 'Media details' });
  for (const [button, dialog] of [
    ['Rename', 'Rename file'],
    ['Edit alt text', 'Alt text'],
    ['Edit tags', 'Tags'],
    ['Change creator', 'Change creator'],
  ]) {
    await panel.getByRole('button', { name: button }).click();
    await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
    await expectAccessible(page, `${dialog} dialog`);
    await page.keyboard.press('Escape');
  }
  await panel.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('dialog', { name: /^Delete / })).toBeVisible();
  await expectAccessible(page, 'delete dialog');
  await page.keyboard.press('Escape');
  await panel.getByRole('button', { name: 'Image API preview' }).click();
  await expect(page.getByRole('dialog', { name: /^Image API preview of / })).toBeVisible();
  await expectAccessible(page, 'Image API preview');
});

test('Media settings and its pages, the Content list', async ({ page }) => {
  for (const path of [
    '/media/settings',
    '/media/settings/trash',
    '/media/settings/activity',
    '/media/settings/usage',
    '/media/settings/storage',
    '/apis',
  ]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
});
