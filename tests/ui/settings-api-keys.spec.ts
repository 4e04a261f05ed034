import { createHash } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { png, uniqueName } from '../support/media';
import { createApi } from '../support/seed';
import { shots, suffix } from './settings-helpers';

const data = inspect(E2E.dataDir);

const upload = async (request: APIRequestContext, key: string) =>
  request.post('/api/v1/media', {
    headers: { 'X-MICROCMS-API-KEY': key },
    multipart: { file: { name: uniqueName('key', 'png'), mimeType: 'image/png', buffer: await png(8, 8) } },
  });

test(
  'a key made on the API keys screen is shown once, stored hashed, ' +
    'holds only its permissions, and is refused at once when revoked',
  async ({ page, request }) => {
    const s = suffix();
    const name = `Website ${s}`;
    const apiName = `Shop ${s}`;
    const endpoint = `shop-${s}`;
    createApi(E2E.dataDir, endpoint, [{ id: 'title', name: 'Title', kind: 'text' }], apiName);

    await page.goto('/settings/api-keys');
    const keys = page.getByRole('region', { name: 'API keys' });
    await page.getByRole('button', { name: 'New API key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API key' });
    await expect(dialog.getByLabel('Key name')).toBeFocused();

    // No name: refused beside the field, nothing stored.
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('Give the key a name')).toBeVisible();

    await dialog.getByLabel('Key name').fill(name);
    await dialog.getByRole('checkbox', { name: 'Get media' }).check();
    for (const right of ['Upload media', 'Edit media', 'Delete media'])
      await expect(dialog.getByRole('checkbox', { name: right })).not.toBeChecked();
    await dialog.getByRole('checkbox', { name: `GET ${apiName}` }).check();
    await page.screenshot({ path: `${shots}/api-key-dialog.png` });
    await dialog.getByRole('button', { name: 'Save' }).click();

    const shown = page.getByRole('dialog', { name: `API key “${name}” created` });
    const field = shown.getByRole('textbox', { name: 'API key' });
    await expect(field).toHaveAttribute('readonly', '');
    const key = await field.inputValue();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url
    await page.screenshot({ path: `${shots}/api-key-shown.png` });
    await shown.getByRole('button', { name: 'Done' }).click();
    await expect(shown).toBeHidden();

    // Stored as its SHA-256 only; never shown again.
    const [row] = data.query<Record<string, unknown>>('select * from api_keys where name = ?', name);
    expect(row.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(Object.values(row)).not.toContain(key);
    await page.reload();
    await expect(page.getByText(`${key.slice(0, 4)}…`)).toBeVisible();
    await expect(page.getByText(`${key.slice(0, 5)}…`)).toHaveCount(0);
    expect(await page.content()).not.toContain(key);
    const rowOnScreen = keys.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await expect(rowOnScreen).toContainText(`${apiName}: GET`);
    await page.screenshot({ path: `${shots}/api-keys.png`, fullPage: true });

    // Its permissions, and nothing more.
    const headers = { 'X-MICROCMS-API-KEY': key };
    expect((await request.get('/api/v1/media?limit=1', { headers })).status()).toBe(200);
    const refused = await upload(request, key);
    expect(refused.status()).toBe(403);
    expect((await refused.json()).message).toBe('You do not have permission to upload media');
    expect((await request.get(`/api/v1/${endpoint}`, { headers: { Authorization: `Bearer ${key}` } })).status()).toBe(
      200,
    );
    expect((await request.post(`/api/v1/${endpoint}`, { headers, data: { title: 'no' } })).status()).toBe(403);

    // Edit: with "Upload media" the same key uploads.
    await rowOnScreen.getByRole('button', { name: `Edit ${name}` }).click();
    const edit = page.getByRole('dialog', { name: `Edit API key “${name}”` });
    await expect(edit.getByRole('checkbox', { name: 'Get media' })).toBeChecked();
    await edit.getByRole('checkbox', { name: 'Upload media' }).check();
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    expect((await upload(request, key)).status()).toBe(201);

    // Revoke: the very next request is 401.
    await rowOnScreen.getByRole('button', { name: `Revoke ${name}` }).click();
    await page
      .getByRole('dialog', { name: `Revoke the API key “${name}”?` })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await expect(keys.getByText(`Revoked the API key “${name}”.`)).toBeVisible();
    const gone = await request.get('/api/v1/media?limit=1', { headers });
    expect(gone.status()).toBe(401);
    expect((await gone.json()).message).toBe('The API key is unknown or revoked');
    expect((await upload(request, key)).status()).toBe(401);
    await expect(rowOnScreen).toContainText('Revoked');
    await expect(rowOnScreen.getByRole('button')).toHaveCount(0);
  },
);

test('the key from KURA_API_KEY is listed with every permission and cannot be edited', async ({ page }) => {
  await page.goto('/settings/api-keys');
  const row = page
    .getByRole('region', { name: 'API keys' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'KURA_API_KEY', exact: true }) });
  await expect(row).toContainText('Get, Upload, Edit, Delete');
  await expect(row).toContainText('Every API (KURA_API_KEY)');
  await expect(row.getByRole('button', { name: 'Edit KURA_API_KEY' })).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'Revoke KURA_API_KEY' })).toBeVisible();
});
