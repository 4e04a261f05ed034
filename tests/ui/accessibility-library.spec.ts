import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { png, uniqueName, uploadViaApi } from '../support/media';
import { MEDIA_SETTINGS_PATHS } from '../support/pages';

// axe-core over the library screens (tests/ui/accessibility.spec.ts covers the content editor, the picker and the
// settings): no serious or critical violation.

/** axe over the page, or only over `within` (a dialog, the panel): the list behind was scanned on its own. */
async function expectAccessible(page: Page, what: string, within?: string) {
  const builder = new AxeBuilder({ page });
  const { violations } = await (within ? builder.include(within) : builder).analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `${what} at ${page.url()}`).toEqual([]);
}

for (const [what, path] of [
  ['table', '/media'],
  ['grid', '/media?view=grid'],
] as const) {
  test(`the library as a ${what}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'Media', level: 1 })).toBeVisible();
    await expectAccessible(page, `library (${what})`);
  });
}

test('the panel, its dialogs and the Image API preview', async ({ page, request }) => {
  const { body: m } = await uploadViaApi(request, uniqueName('axe', 'png'), await png(320, 200));
  await page.goto(`/media?selected=${m.id}`);
  const panel = page.getByRole('complementary', { name: 'Media details' });
  await expect(panel).toBeVisible();
  await expectAccessible(page, 'panel', 'aside[aria-label="Media details"]');
  for (const [button, dialog] of [
    ['Rename', 'Rename file'],
    ['Edit alt text', 'Alt text'],
    ['Edit tags', 'Tags'],
    ['Change creator', 'Change creator'],
  ]) {
    await panel.getByRole('button', { name: button }).click();
    await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
    await expectAccessible(page, `${dialog} dialog`, 'dialog[open]');
    await page.keyboard.press('Escape');
  }
  await panel.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('dialog', { name: /^Delete / })).toBeVisible();
  await expectAccessible(page, 'delete dialog', 'dialog[open]');
  await page.keyboard.press('Escape');
  await panel.getByRole('button', { name: 'Image API preview' }).click();
  await expect(page.getByRole('dialog', { name: /^Image API preview of / })).toBeVisible();
  await expectAccessible(page, 'Image API preview', 'dialog[open]');
});

for (const path of MEDIA_SETTINGS_PATHS) {
  test(`${path} has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page, path);
  });
}
