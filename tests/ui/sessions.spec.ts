import { expect, test, type Page } from '@playwright/test';
import { logInAs, suffix } from './settings-helpers';

// Every test here logs in members of its own (and the Administrator in fresh contexts only), so the
// shared Administrator session of the other browser tests is never ended or throttled.

const PASSWORD = 'a member password 123';

/** A member added on Settings → Members by the shared Administrator, holding the Administrator role. */
async function addMember(page: Page, email: string) {
  await page.goto('/settings/members');
  await page.getByRole('button', { name: 'Add member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add member' });
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Name').fill(email.split('@')[0]);
  await dialog.getByLabel('Password').fill(PASSWORD);
  await dialog.getByRole('checkbox', { name: 'Administrator' }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Added ${email}.`)).toBeVisible();
}

async function tryLogIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** Whether this browser's cookies still open the library. */
async function opensLibrary(page: Page) {
  await page.goto('/media');
  return !/\/login$/.test(page.url());
}

test(
  'after 10 failures the 11th attempt is refused with the right password ' +
    'too, and says when to try again; another email still logs in',
  async ({ page, browser }) => {
    test.setTimeout(120_000);
    const email = `throttled-${suffix()}@kura.test`;
    const other = `neighbour-${suffix()}@kura.test`;
    await addMember(page, email);
    await addMember(page, other);

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const login = await context.newPage();
    await login.goto('/login');
    const alert = login.locator('#login-error').getByRole('alert');
    for (let i = 1; i <= 10; i++) {
      await tryLogIn(login, email, `wrong password ${i}`);
      await expect(alert).toHaveText('Wrong email or password');
      await expect(login.getByRole('button', { name: 'Log in' })).toBeEnabled();
    }
    await tryLogIn(login, email, PASSWORD);
    await expect(alert).toHaveText('Too many failed attempts: try again in 15 minutes');
    await login.screenshot({ path: 'tests/.tmp/screenshots/login-throttled.png' });
    expect(await opensLibrary(login)).toBe(false);

    // The same client, another email: not refused.
    await login.goto('/login');
    await tryLogIn(login, other, PASSWORD);
    await expect(login).toHaveURL(/\/media$/);
    await context.close();
  },
);

test('a cookie saved before logout no longer opens the library', async ({ page, browser }) => {
  const email = `logout-${suffix()}@kura.test`;
  await addMember(page, email);
  const member = await logInAs(browser, email, PASSWORD);
  const saved = await member.context().storageState();
  await member.getByRole('button', { name: 'Log out' }).click();
  await expect(member).toHaveURL(/\/login$/);
  await member.context().close();

  // The cookie as it was before logout, replayed in a new browser: the session behind it has ended.
  const replay = await browser.newContext({ storageState: saved });
  const again = await replay.newPage();
  expect(await opensLibrary(again)).toBe(false);
  await replay.close();
});

test('a password change logs out the member’s other browsers and keeps this one', async ({ page, browser }) => {
  const email = `password-${suffix()}@kura.test`;
  await addMember(page, email);
  const here = await logInAs(browser, email, PASSWORD);
  const elsewhere = await logInAs(browser, email, PASSWORD);

  await here.goto('/settings/account');
  await here.getByLabel('Current password', { exact: true }).fill(PASSWORD);
  await here.getByLabel('New password', { exact: true }).fill('a brand new password 456');
  await here.getByLabel('Repeat new password').fill('a brand new password 456');
  await here.getByRole('button', { name: 'Change password' }).click();
  await expect(here.getByText(/Your password is changed/)).toBeVisible();

  expect(await opensLibrary(elsewhere)).toBe(false);
  expect(await opensLibrary(here)).toBe(true);
  await here.context().close();
  await elsewhere.context().close();
});

test('Account → Log out other sessions ends the other browsers, not this one', async ({ page, browser }) => {
  const email = `others-${suffix()}@kura.test`;
  await addMember(page, email);
  const here = await logInAs(browser, email, PASSWORD);
  const elsewhere = await logInAs(browser, email, PASSWORD);

  await here.goto('/settings/account');
  await here.getByRole('button', { name: 'Log out other sessions' }).click();
  await expect(here.getByText('Logged out 1 other session.')).toBeVisible();
  await here.screenshot({ path: 'tests/.tmp/screenshots/account-sessions.png' });

  expect(await opensLibrary(elsewhere)).toBe(false);
  expect(await opensLibrary(here)).toBe(true);
  await here.context().close();
  await elsewhere.context().close();
});

test('Members → End sessions logs a member out everywhere; they can log in again', async ({ page, browser }) => {
  const email = `ended-${suffix()}@kura.test`;
  await addMember(page, email);
  const first = await logInAs(browser, email, PASSWORD);
  const second = await logInAs(browser, email, PASSWORD);

  await page.goto('/settings/members');
  await page.getByRole('button', { name: `End sessions ${email}` }).click();
  await expect(page.getByText(`Ended 2 sessions of ${email}.`)).toBeVisible();
  await page.screenshot({ path: 'tests/.tmp/screenshots/members-end-sessions.png' });

  expect(await opensLibrary(first)).toBe(false);
  expect(await opensLibrary(second)).toBe(false);
  expect(await opensLibrary(page)).toBe(true); // the Administrator who asked is not touched
  await first.context().close();
  await second.context().close();
  const again = await logInAs(browser, email, PASSWORD);
  await again.context().close();
});

test(
  'Activity lists a failed login, a throttled one and a role ' +
    'change, with who and when; the Security kind shows them',
  async ({ page, browser }) => {
    test.setTimeout(120_000);
    const email = `audited-${suffix()}@kura.test`;
    await addMember(page, email);

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const login = await context.newPage();
    await login.goto('/login');
    for (let i = 1; i <= 11; i++) {
      await tryLogIn(login, email, `wrong password ${i}`);
      await expect(login.locator('#login-error').getByRole('alert')).toBeVisible();
      await expect(login.getByRole('button', { name: 'Log in' })).toBeEnabled();
    }
    await expect(login.locator('#login-error').getByRole('alert')).toHaveText(/Too many failed attempts/);
    await context.close();

    // A role change: the member loses the Administrator role for a new role.
    const roleName = `Audited ${suffix()}`;
    await page.goto('/settings/roles');
    await page.getByRole('button', { name: 'New role' }).click();
    const roleDialog = page.getByRole('dialog', { name: 'New role' });
    await roleDialog.getByLabel('Role name').fill(roleName);
    await roleDialog.getByRole('button', { name: 'Save' }).click();
    await expect(roleDialog).toBeHidden();
    await page.goto('/settings/members');
    await page.getByRole('button', { name: `Edit ${email}` }).click();
    const edit = page.getByRole('dialog');
    await edit.getByRole('checkbox', { name: 'Administrator' }).uncheck();
    await edit.getByRole('checkbox', { name: roleName }).check();
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();

    await page.goto('/media/settings/activity?category=security');
    const table = page.getByRole('table', { name: 'Activity' });
    const rowOf = (operation: string) =>
      table
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: operation, exact: true }) })
        .filter({ hasText: email });
    await expect(rowOf('Login failed')).toHaveCount(10);
    await expect(rowOf('Login failed').first()).toContainText(`Not logged in: ${email}`);
    await expect(rowOf('Login failed').first()).toContainText('from 127.0.0.1');
    await expect(rowOf('Login throttled')).toHaveCount(1);
    await expect(rowOf('Login throttled')).toContainText('refused until');
    const change = rowOf('Member changed');
    await expect(change).toHaveCount(1);
    await expect(change.getByRole('cell').nth(1)).toHaveText('Administrator'); // who: the shared Administrator
    await expect(change).toContainText(`roles: Administrator → ${roleName}`);
    await expect(change.locator('time')).toHaveCount(1);
    // Media work is not in the Security kind.
    await expect(table.locator('tr[data-operation="upload"]')).toHaveCount(0);
    await page.screenshot({ path: 'tests/.tmp/screenshots/activity-security.png', fullPage: true });
  },
);
