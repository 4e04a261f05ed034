import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { keyHeader, png, uniqueName, uploadViaApi } from '../support/media';
import { createMemberWithRole } from '../support/seed';

// Delete all is tested in tests/faults/delete-all.spec.ts, on a server of its own: here it would delete
// the media of the spec files running beside this one.

const data = inspect(E2E.dataDir);
const shots = 'tests/.tmp/screenshots';

/** A tag name no other test uses (tags are service-wide, and tests run in parallel). */
const uniqueTag = (stem: string) => `${stem}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

async function setTags(request: APIRequestContext, id: string, tags: string[]) {
  const res = await request.patch(`/api/v1/media/${id}`, {
    headers: { ...keyHeader, 'Content-Type': 'application/json' },
    data: { tags },
  });
  expect(res.status()).toBe(200);
}

async function imageTagged(request: APIRequestContext, tags: string[]) {
  const { res, body } = await uploadViaApi(request, uniqueName('tagged', 'png'), await png(24, 24), 'image/png');
  expect(res.status()).toBe(201);
  await setTags(request, body.id, tags);
  return body;
}

const tagsOf = async (request: APIRequestContext, id: string) =>
  ((await (await request.get(`/api/v1/media/${id}`, { headers: keyHeader })).json()) as { tags: string[] }).tags;

/** Opens Media settings searched down to `search`; returns the Tags section. */
async function openTags(page: Page, search: string) {
  await page.goto('/media/settings');
  await expect(page.getByRole('heading', { name: 'Media settings', level: 1 })).toBeVisible();
  const section = page.getByRole('region', { name: 'Tags' });
  await section.getByLabel('Search tags').fill(search);
  return section;
}

const rowOf = (section: Locator, tag: string) =>
  section.getByRole('row').filter({ has: section.page().getByRole('link', { name: tag, exact: true }) });

test(
  'a tag renamed in Media settings is renamed on its ' + 'media; a name another tag has is refused in the dialog',
  async ({ page, request }) => {
    const [before, taken, after] = [uniqueTag('rename'), uniqueTag('taken'), uniqueTag('renamed')];
    const media = await imageTagged(request, [before, taken]);

    const tags = await openTags(page, before);
    await expect(
      page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Media' }),
    ).toHaveAttribute('href', '/media');
    await expect(tags.getByText('Up to 10 tags per media and 100 per service')).toBeVisible();
    const row = rowOf(tags, before);
    await expect(row).toContainText('Used by 1 media');
    await expect(row.getByRole('link', { name: before })).toHaveAttribute(
      'href',
      `/media?tag=${encodeURIComponent(before)}`,
    );

    await row.getByRole('button', { name: `Rename ${before}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename tag' });
    await expect(dialog.getByLabel('Tag name')).toHaveValue(before);
    await dialog.getByLabel('Tag name').fill(taken);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(`A tag named "${taken}" already exists`);
    await expect(dialog.getByLabel('Tag name')).toHaveValue(taken);

    await dialog.getByLabel('Tag name').fill(after);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(tags.getByText(`Renamed “${before}” to “${after}”.`)).toBeVisible();

    expect((await tagsOf(request, media.id)).sort()).toEqual([after, taken].sort());
    expect(data.query('select id from tags where name = ?', before)).toHaveLength(0);
    await tags.getByLabel('Search tags').fill(after);
    await expect(rowOf(tags, after)).toContainText('Used by 1 media');
  },
);

test('a tag in use cannot be deleted (the refusal is shown); once no media holds it, Delete removes it', async ({
  page,
  request,
}) => {
  const tag = uniqueTag('delete');
  const media = await imageTagged(request, [tag]);

  const tags = await openTags(page, tag);
  await rowOf(tags, tag)
    .getByRole('button', { name: `Delete ${tag}` })
    .click();
  const confirm = page.getByRole('dialog', { name: `Delete the tag “${tag}”?` });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm.getByRole('alert')).toHaveText(`"${tag}" is used by 1 media; remove it from them first`);
  await page.screenshot({ path: `${shots}/media-settings-delete-refused.png` });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(data.query('select id from tags where name = ?', tag)).toHaveLength(1);

  await setTags(request, media.id, []);
  const fresh = await openTags(page, tag);
  await expect(rowOf(fresh, tag)).toContainText('Used by 0 media');
  await rowOf(fresh, tag)
    .getByRole('button', { name: `Delete ${tag}` })
    .click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  await expect(fresh.getByRole('link', { name: tag, exact: true })).toHaveCount(0);
  expect(data.query('select id from tags where name = ?', tag)).toHaveLength(0);
});

test('the search box narrows the tag list, and the search is in the URL', async ({ page, request }) => {
  const stem = uniqueTag('fruit');
  const [apple, pear] = [`${stem}-apple`, `${stem}-pear`];
  await imageTagged(request, [apple, pear]);
  await imageTagged(request, [pear]);

  const tags = await openTags(page, stem);
  const table = tags.getByRole('table', { name: 'Tags' });
  await expect(table.getByRole('link')).toHaveCount(2);
  await expect(rowOf(tags, apple)).toContainText('Used by 1 media');
  await expect(rowOf(tags, pear)).toContainText('Used by 2 media');
  await page.screenshot({ path: `${shots}/media-settings.png`, fullPage: true });

  await tags.getByLabel('Search tags').fill(`${stem}-AP`);
  await expect(table.getByRole('link')).toHaveCount(1);
  await expect(table.getByRole('link', { name: apple, exact: true })).toBeVisible();
  await expect(page).toHaveURL(`/media/settings?q=${encodeURIComponent(`${stem}-AP`)}`);

  await page.reload();
  await expect(tags.getByLabel('Search tags')).toHaveValue(`${stem}-AP`);
  await expect(table.getByRole('link')).toHaveCount(1);

  await tags.getByLabel('Search tags').fill(`${stem}-nothing`);
  await expect(tags.getByText(`No tag contains “${stem}-nothing”.`)).toBeVisible();
  await tags.getByLabel('Search tags').fill('');
  await expect(table.getByRole('link', { name: pear, exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\/media\/settings$/);
});

test('Delete all media needs the service id typed exactly; its last confirmation can be cancelled', async ({
  page,
}) => {
  await page.goto('/media/settings');
  const section = page.getByRole('region', { name: 'Delete all media' });
  const [{ value: serviceId }] = data.query<{ value: string }>("select value from settings where key = 'service_id'");
  await expect(section.getByTestId('service-id')).toHaveText(serviceId);
  const button = section.getByRole('button', { name: 'Delete all media' });
  await expect(button).toBeDisabled();
  await section.getByLabel('Type the service id to confirm').fill(serviceId.slice(0, -1));
  await expect(button).toBeDisabled();
  await section.getByLabel('Type the service id to confirm').fill(serviceId);
  await expect(button).toBeEnabled();
  await button.click();
  const confirm = page.getByRole('dialog', { name: 'Delete all media?' });
  await expect(confirm.getByRole('button', { name: 'Delete' })).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(section.getByRole('status')).toHaveText('');
});

test('a member without Edit media sees the tags read-only and no Delete all', async ({ browser, request }) => {
  const tag = uniqueTag('readonly');
  await imageTagged(request, [tag]);
  const email = `tag-reader-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@kura.test`;
  await createMemberWithRole(E2E.dataDir, { email, password: 'reader password 1' }, { mediaRead: 'all', content: {} });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('reader password 1');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page).toHaveURL(/\/media$/);

    const tags = await openTags(page, tag);
    await expect(rowOf(tags, tag)).toContainText('Used by 1 media');
    await expect(tags.getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Delete all media' })).toHaveCount(0);
    await expect(page.getByTestId('service-id')).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('Storage: a bucket name the schema refuses is named beside the Bucket field, and nothing is saved', async ({
  page,
}) => {
  const storageRows = () => data.query("select key, value from settings where key like 'storage.%' order by key");
  const before = storageRows();
  await page.goto('/media/settings/storage');
  await page.getByRole('radio', { name: 'Amazon S3 or an S3-compatible bucket' }).check();
  const bucket = page.getByRole('textbox', { name: 'Bucket', exact: true });
  await bucket.fill('Not A Bucket');
  await page.getByRole('textbox', { name: 'Region', exact: true }).fill('us-east-1');
  await page.getByRole('button', { name: 'Save' }).click();

  const message = '3–63 lowercase letters, digits, dots and hyphens, e.g. my-media';
  await expect(bucket).toHaveAttribute('aria-invalid', 'true');
  await expect(bucket).toHaveAccessibleDescription(message);
  await expect(page.getByRole('textbox', { name: 'Region', exact: true })).not.toHaveAttribute('aria-invalid');
  // The Save result beside the button says it as before: the field may be out of sight.
  await expect(page.getByRole('status', { name: 'Save result' })).toHaveText(`bucket: ${message}`);
  await bucket.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/storage-bucket-field-error.png` });
  expect(storageRows()).toEqual(before);
});
