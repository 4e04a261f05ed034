import { createHash } from 'node:crypto';
import { expect, test, type Browser } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { withTestDb } from '../support/sql';
import { shots, suffix } from './settings-helpers';

const data = inspect(E2E.dataDir);

/** A browser of nobody: the invited person, who has no account yet. */
const stranger = async (browser: Browser) => {
  const context = await browser.newContext({
    baseURL: E2E.baseURL,
    storageState: { cookies: [], origins: [] },
    viewport: { width: 1440, height: 900 },
  });
  return context.newPage();
};

test('the starter roles Editor, Contributor and Viewer exist from the start and can be edited', async ({ page }) => {
  const rows = data.query<Record<string, unknown>>(
    'select name, media_read, media_upload, media_edit, media_delete from roles ' +
      "where name in ('Editor', 'Contributor', 'Viewer') order by name",
  );
  expect(rows).toEqual([
    { name: 'Contributor', media_read: 'own', media_upload: 1, media_edit: 1, media_delete: 0 },
    { name: 'Editor', media_read: 'all', media_upload: 1, media_edit: 1, media_delete: 0 },
    { name: 'Viewer', media_read: 'all', media_upload: 0, media_edit: 0, media_delete: 0 },
  ]);
  await page.goto('/settings/roles');
  const roles = page.getByRole('region', { name: 'Roles' });
  for (const name of ['Editor', 'Contributor', 'Viewer'])
    await expect(roles.getByRole('button', { name: `Edit ${name}` })).toBeVisible();
  await page.screenshot({ path: `${shots}/roles-starter.png`, fullPage: true });

  // Editable like any role: the Viewer gets Upload media, then loses it again.
  for (const upload of [true, false]) {
    await roles.getByRole('button', { name: 'Edit Viewer' }).click();
    const dialog = page.getByRole('dialog', { name: /Viewer/ });
    await dialog.getByRole('checkbox', { name: 'Upload media' }).setChecked(upload);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    expect(data.query("select media_upload from roles where name = 'Viewer'")).toEqual([
      { media_upload: upload ? 1 : 0 },
    ]);
  }
});

test('an invite link the Administrator copies lets the new member set their own password, once', async ({
  page,
  browser,
}) => {
  const email = `invited-${suffix()}@example.test`;
  await page.goto('/settings/members');
  const invites = page.getByRole('region', { name: 'Invite links' });
  await invites.getByRole('button', { name: 'Invite member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite member' });
  await expect(dialog.getByLabel('Email')).toBeFocused();
  // No role: refused beside the roles, nothing stored.
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByRole('button', { name: 'Create invite link' }).click();
  await expect(dialog.getByText('Choose at least one role')).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'Editor' }).check();
  await page.screenshot({ path: `${shots}/invite-dialog.png` });
  await dialog.getByRole('button', { name: 'Create invite link' }).click();

  const shown = page.getByRole('dialog', { name: `Invite link for ${email}` });
  const link = await shown.getByRole('textbox', { name: 'Invite link' }).inputValue();
  expect(link).toMatch(new RegExp(`^${E2E.baseURL}/invite/[A-Za-z0-9_-]{43}$`));
  await page.screenshot({ path: `${shots}/invite-link.png` });
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(invites.getByRole('row').filter({ hasText: email })).toContainText('Editor');

  // Stored as a hash only, expiring in a week.
  const token = link.slice(link.lastIndexOf('/') + 1);
  const [row] = data.query<Record<string, unknown>>('select * from invites where email = ?', email);
  expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
  expect(Object.values(row)).not.toContain(token);
  const days = (Number(row.expires_at) - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(6.9);
  expect(days).toBeLessThanOrEqual(7);
  await page.reload();
  expect(await page.content()).not.toContain(token);

  // The member opens it, sets a name and a password, and is in, as an Editor.
  const member = await stranger(browser);
  await member.goto(new URL(link).pathname);
  await expect(member.getByTestId('invite-email')).toHaveText(email);
  await member.getByLabel('Name').fill('Invited Person');
  await member.getByLabel('Password').fill('short');
  await member.getByRole('button', { name: 'Create account' }).click();
  await expect(member.getByText('Use at least 12 characters')).toBeVisible();
  await member.getByLabel('Password').fill('a password of my own');
  await member.screenshot({ path: `${shots}/invite-accept.png` });
  await member.getByRole('button', { name: 'Create account' }).click();
  await expect(member).toHaveURL(/\/media$/);
  const [added] = data.query<{ id: string; name: string }>('select id, name from members where email = ?', email);
  expect(added.name).toBe('Invited Person');
  expect(
    data.query(
      'select r.name from member_roles m join roles r on r.id = m.role_id where m.member_id = ? order by r.name',
      added.id,
    ),
  ).toEqual([{ name: 'Editor' }]);
  await member.context().close();

  // Single use: the link now says so, and the list no longer shows it.
  const again = await stranger(browser);
  await again.goto(new URL(link).pathname);
  await expect(again.getByRole('main').getByRole('alert')).toContainText('used already');
  await expect(again.getByLabel('Password')).toHaveCount(0);
  await again.context().close();
  await page.reload();
  await expect(invites.getByRole('row').filter({ hasText: email })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Members' }).getByRole('row').filter({ hasText: email })).toBeVisible();
});

test('an expired or revoked invite link is refused', async ({ page, browser }) => {
  const make = async (email: string) => {
    await page.goto('/settings/members');
    await page.getByRole('button', { name: 'Invite member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite member' });
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByRole('checkbox', { name: 'Viewer' }).check();
    await dialog.getByRole('button', { name: 'Create invite link' }).click();
    const shown = page.getByRole('dialog', { name: `Invite link for ${email}` });
    const link = await shown.getByRole('textbox', { name: 'Invite link' }).inputValue();
    await shown.getByRole('button', { name: 'Done' }).click();
    return new URL(link).pathname;
  };
  const expiring = `expiring-${suffix()}@example.test`;
  const expiredPath = await make(expiring);
  const revoked = `revoked-${suffix()}@example.test`;
  const revokedPath = await make(revoked);

  // Its week is over.
  withTestDb(E2E.dataDir, (db) =>
    db.run('update invites set expires_at = ? where email = ?', new Date(Date.now() - 1000), expiring),
  );
  const visitor = await stranger(browser);
  await visitor.goto(expiredPath);
  await expect(visitor.getByRole('main').getByRole('alert')).toContainText('has expired');
  await expect(visitor.getByLabel('Password')).toHaveCount(0);

  // Revoked by the Administrator: gone at once.
  await page.reload();
  const invites = page.getByRole('region', { name: 'Invite links' });
  await expect(invites.getByRole('row').filter({ hasText: expiring })).toContainText('Expired');
  await invites.getByRole('button', { name: `Revoke invite for ${revoked}` }).click();
  await expect(invites.getByText(`Revoked the invite link for ${revoked}.`)).toBeVisible();
  await visitor.goto(revokedPath);
  await expect(visitor.getByRole('main').getByRole('alert')).toContainText('not valid');
  expect(data.query('select id from members where email in (?, ?)', expiring, revoked)).toEqual([]);
  await visitor.context().close();
});
