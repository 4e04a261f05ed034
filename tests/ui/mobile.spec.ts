import { expect, test, type Page } from '@playwright/test';
import { png, uniqueName, uploadViaApi } from '../support/media';
import { MEDIA_SETTINGS_PATHS, SETTINGS_PATHS } from '../support/pages';

// A phone, 390 × 844: every library action is reachable and nothing is wider than the screen.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const shots = 'tests/.tmp/screenshots';

/** The page is no wider than the viewport (nothing sticks out sideways). */
async function expectNoSidewaysScroll(page: Page) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, `scrollWidth ${scroll} > ${width} at ${page.url()}`).toBeLessThanOrEqual(width);
}

/** The element is inside the viewport horizontally, so it can be tapped. */
async function expectOnScreen(page: Page, locator: ReturnType<Page['locator']>) {
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
}

test('the library on a phone: upload, filters, view, an item and each panel action, settings', async ({
  page,
  request,
}) => {
  const stem = `phone${Date.now().toString(36)}`;
  const { body: m } = await uploadViaApi(request, uniqueName(stem, 'png'), await png(800, 600));
  await page.goto('/media');
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `${shots}/mobile-library.png` });

  // Upload stays on the first row.
  const upload = page.getByRole('button', { name: 'Upload', exact: true });
  await expectOnScreen(page, upload);
  const chooser = page.waitForEvent('filechooser');
  await upload.tap();
  const second = uniqueName(stem, 'png');
  await (await chooser).setFiles({ name: second, mimeType: 'image/png', buffer: await png(30, 20) });
  await expect(page.getByRole('listitem', { name: `Upload of ${second}` })).toHaveAttribute(
    'data-upload-status',
    'done',
  );
  await expectNoSidewaysScroll(page);

  // Filters fold behind a button.
  const kind = page.getByLabel('Kind');
  await expect(kind).toBeHidden();
  await page.getByRole('button', { name: 'Filters' }).tap();
  await expectOnScreen(page, kind);
  await kind.selectOption('image');
  await expect(page).toHaveURL(/kind=image/);
  await page.getByRole('search').getByRole('searchbox').fill(stem);
  await expect(page).toHaveURL(new RegExp(`q=${stem}`));
  await expectNoSidewaysScroll(page);

  // The view switch, Unused only and Media settings are in the More menu.
  await page.getByRole('button', { name: 'More' }).tap();
  await page.screenshot({ path: `${shots}/mobile-more.png` });
  const grid = page.getByRole('group', { name: 'View' }).getByRole('link', { name: 'Grid' });
  await expectOnScreen(page, grid);
  await grid.tap();
  await expect(page).toHaveURL(/view=grid/);
  await expect(page.getByRole('list', { name: 'Media' })).toBeVisible();
  await expectNoSidewaysScroll(page);

  // An item opens full screen, with its actions at the top and a way back.
  await page.locator(`[data-media-id="${m.id}"] a`).tap();
  const panel = page.getByRole('complementary', { name: 'Media details' });
  await expect(panel).toBeVisible();
  const box = (await panel.boundingBox())!;
  expect([box.x, box.y, box.width, box.height]).toEqual([0, 0, 390, 844]);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `${shots}/mobile-panel.png` });
  for (const name of ['Image API preview', 'Re-upload', 'Delete'])
    await expectOnScreen(page, panel.getByRole('button', { name, exact: true }));
  for (const name of ['Rename', 'Edit alt text', 'Edit tags', 'Change creator'])
    await expectOnScreen(page, panel.getByRole('button', { name }));
  await expectOnScreen(page, panel.getByRole('button', { name: 'Copy URL' }));

  await panel.getByRole('button', { name: 'Image API preview' }).tap();
  const preview = page.getByRole('dialog', { name: `Image API preview of ${m.fileName}` });
  await expect(preview.getByRole('figure', { name: 'Preview w=300' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `${shots}/mobile-image-api-preview.png` });
  await preview.getByRole('button', { name: 'Close the preview' }).tap();

  await panel.getByRole('button', { name: 'Edit alt text' }).tap();
  const alt = page.getByRole('dialog', { name: 'Alt text' });
  await alt.getByRole('textbox', { name: 'Alt text', exact: true }).fill('On a phone');
  await alt.getByRole('button', { name: 'Save' }).tap();
  await expect(panel.getByTestId('panel-alt')).toHaveText('On a phone');

  await expectOnScreen(page, panel.getByRole('link', { name: 'Close details' }));
  await expect(panel.getByRole('link', { name: 'Close details' }).getByText('← Back')).toBeVisible();
  await panel.getByRole('link', { name: 'Close details' }).tap();
  await expect(panel).toHaveCount(0);

  // Settings: the header's Menu holds the account; Media settings is in More.
  await page.getByRole('button', { name: 'Menu' }).tap();
  await expectOnScreen(page, page.getByRole('link', { name: 'Account' }));
  await page.getByRole('button', { name: 'Menu' }).tap();
  await page.getByRole('button', { name: 'More' }).tap();
  await page.getByRole('link', { name: 'Media settings' }).tap();
  await expect(page).toHaveURL(/\/media\/settings$/);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `${shots}/mobile-media-settings.png` });
});

test('no page is wider than a phone', async ({ page }) => {
  for (const path of ['/media', '/media?view=grid', ...MEDIA_SETTINGS_PATHS, ...SETTINGS_PATHS]) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
  }
});
