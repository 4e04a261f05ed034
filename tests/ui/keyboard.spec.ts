import { expect, test, type Page } from '@playwright/test';
import { png, uniqueName, uploadViaApi } from '../support/media';

// Keyboard only: no mouse event reaches the page. Each step is asserted on document.activeElement.

/** What has focus: its data-media-id (or its item's), tag, text and whether it is inside the detail panel. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase(),
      item: el?.closest<HTMLElement>('[data-media-id]')?.dataset.mediaId ?? null,
      text: el?.textContent?.trim() ?? '',
      inPanel: Boolean(el?.closest('aside[aria-label="Media details"]')),
    };
  });

async function uploadThree(request: Parameters<typeof uploadViaApi>[0], stem: string) {
  const made = [];
  for (let i = 0; i < 3; i++) {
    const { body } = await uploadViaApi(request, uniqueName(`${stem}${i}`, 'png'), await png(60, 40));
    made.push(body);
  }
  return made; // newest last: the library lists the newest first
}

test('table: Enter opens an item with focus in the panel, a pencil works, Escape lands back on the row', async ({
  page,
  request,
}) => {
  const stem = `kbt${Date.now().toString(36)}`;
  const [, , m] = await uploadThree(request, stem);
  await page.goto(`/media?q=${stem}`);
  const row = page.locator(`tr[data-media-id="${m.id}"] a`);
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`selected=${m.id}`));
  await expect.poll(async () => (await focused(page)).inPanel).toBe(true);
  expect((await focused(page)).text).toBe('Details');

  // The panel's actions come first: the Image API preview is one Tab away.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Image API preview', inPanel: true });

  // Act in the panel: Tab on to Rename and open its dialog; Escape closes only the dialog, then a rename.
  const rename = page.getByRole('complementary', { name: 'Media details' }).getByRole('button', { name: 'Rename' });
  for (let i = 0; i < 10 && !(await rename.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(rename).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Rename file' });
  await expect(dialog.getByRole('textbox', { name: 'File name', exact: true })).toBeFocused();
  await page.keyboard.press('Escape'); // closes the dialog only
  await expect(dialog).toBeHidden();
  await expect(rename).toBeFocused();
  await expect(page.getByRole('complementary', { name: 'Media details' })).toBeVisible();

  // A real change by keyboard: the name is selected without its extension, typing replaces it, Enter saves.
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'File name', exact: true })).toBeFocused();
  await page.keyboard.type(`${stem}-typed`);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const panel = page.getByRole('complementary', { name: 'Media details' });
  await expect(panel.getByTestId('panel-file-name')).toHaveText(`${stem}-typed.png`);
  await expect(rename).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary', { name: 'Media details' })).toHaveCount(0);
  await expect(page).not.toHaveURL(/selected=/);
  await expect.poll(async () => (await focused(page)).item).toBe(m.id);
  expect((await focused(page)).tag).toBe('a');
});

test('grid: one tab stop, arrow keys move, Space selects, Enter opens and Escape returns to the card', async ({
  page,
  request,
}) => {
  const stem = `kbg${Date.now().toString(36)}`;
  const [a, b, c] = await uploadThree(request, stem);
  await page.goto(`/media?view=grid&q=${stem}`);
  const order = [c, b, a]; // newest first
  await page.getByRole('checkbox', { name: 'Select all' }).focus();
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ tag: 'a', item: order[0].id });

  await page.keyboard.press('ArrowRight');
  expect((await focused(page)).item).toBe(order[1].id);
  await page.keyboard.press('End');
  expect((await focused(page)).item).toBe(order[2].id);
  await page.keyboard.press('ArrowLeft');
  expect((await focused(page)).item).toBe(order[1].id);
  await page.keyboard.press('Home');
  expect((await focused(page)).item).toBe(order[0].id);
  // All three fit on one row at 1440 px: ArrowDown has nowhere further down to go than the last card.
  await page.keyboard.press('ArrowDown');
  expect((await focused(page)).item).toBe(order[2].id);

  // Space selects the focused card (the bulk bar appears) and focus stays on it.
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: `Select ${order[2].fileName}` })).toBeChecked();
  await expect(page.getByText('1 selected')).toBeVisible();
  expect((await focused(page)).item).toBe(order[2].id);

  // The grid is one tab stop: Tab leaves it.
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).item).toBeNull();
  await page.keyboard.press('Tab');
  expect((await focused(page)).item).toBe(order[2].id); // the roving stop remembers the card

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`selected=${order[2].id}`));
  await expect.poll(async () => (await focused(page)).inPanel).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary', { name: 'Media details' })).toHaveCount(0);
  await expect.poll(async () => (await focused(page)).item).toBe(order[2].id);
  await expect(page).toHaveURL(/view=grid/);
});
