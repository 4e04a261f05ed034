import { expect, test, type Page } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { png, uniqueName } from '../support/media';
import { createMember, createRole } from '../support/seed';
import { imageBy, libraryNames, logInAs, shots, suffix } from './settings-helpers';

const data = inspect(E2E.dataDir);
const password = 'member password 123';

const memberId = (email: string) => data.query<{ id: string }>('select id from members where email = ?', email)[0]?.id;

async function openAddMember(page: Page) {
  await page.goto('/settings/members');
  await page.getByRole('button', { name: 'Add member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add member' });
  await expect(dialog.getByLabel('Email')).toBeFocused();
  return dialog;
}

test(
  'Add member refuses bad input with a clear message and changes nothing; ' +
    'the new member logs in to a library limited by the role made for them',
  async ({ page, request, browser }) => {
    test.setTimeout(90_000);
    const s = suffix();
    const roleName = `Contributors ${s}`;
    const email = `new-${s}@kura.test`;

    // A role made on the roles screen: reads only what the member uploads, may upload.
    await page.goto('/settings/roles');
    await page.getByRole('button', { name: 'New role' }).click();
    const roleDialog = page.getByRole('dialog', { name: 'New role' });
    await roleDialog.getByLabel('Role name').fill(roleName);
    await roleDialog
      .getByRole('radiogroup', { name: 'Media read' })
      .getByRole('radio', { name: 'Uploaded by me' })
      .check();
    await roleDialog.getByRole('checkbox', { name: 'Upload media' }).check();
    await roleDialog.getByRole('button', { name: 'Save' }).click();
    await expect(roleDialog).toBeHidden();

    const dialog = await openAddMember(page);
    const save = dialog.getByRole('button', { name: 'Save' });
    const nothingAdded = () => expect(data.query('select id from members where email = ?', email)).toHaveLength(0);
    await dialog.getByLabel('Email').fill('not-an-address');
    await dialog.getByLabel('Name').fill(`New ${s}`);
    await dialog.getByLabel('Password').fill(password);
    await dialog.getByRole('checkbox', { name: roleName }).check();
    await expect(dialog.getByRole('checkbox', { name: 'Administrator', exact: true })).not.toBeChecked();
    await save.click();
    await expect(dialog.getByText('Enter an email address such as name@example.com')).toBeVisible();

    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Password').fill('short pw 1');
    await save.click();
    await expect(dialog.getByText('Use at least 12 characters')).toBeVisible();
    await expect(dialog.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
    await page.screenshot({ path: `${shots}/member-weak-password.png` });

    await dialog.getByLabel('Password').fill('');
    await save.click();
    await expect(dialog.getByText('Enter a password')).toBeVisible();

    await dialog.getByLabel('Password').fill(password);
    await dialog.getByRole('checkbox', { name: roleName }).uncheck();
    await save.click();
    await expect(dialog.getByText('Choose at least one role')).toBeVisible();
    nothingAdded();

    // The Administrator's email in other letters is the same email.
    await dialog.getByRole('checkbox', { name: roleName }).check();
    await dialog.getByLabel('Email').fill(E2E.adminEmail.toUpperCase());
    await save.click();
    await expect(dialog.getByRole('alert')).toHaveText(`A member with the email ${E2E.adminEmail} already exists`);
    expect(data.query('select id from members where lower(email) = ?', E2E.adminEmail)).toHaveLength(1);

    await dialog.getByLabel('Email').fill(email.toUpperCase());
    await save.click();
    await expect(dialog).toBeHidden();
    const members = page.getByRole('region', { name: 'Members' });
    await expect(members.getByText(`Added ${email}.`)).toBeVisible();
    await expect(members.getByRole('list', { name: `Roles of ${email}` })).toHaveText(roleName);
    await page.screenshot({ path: `${shots}/members.png`, fullPage: true });
    const id = memberId(email);
    expect(id).toBeTruthy();

    // Media of others, and one of theirs.
    const stem = `restricted-${s}`;
    const adminId = memberId(E2E.adminEmail);
    const others = await imageBy(request, `${stem}-admin`, adminId);
    const theirs = await imageBy(request, `${stem}-theirs`, id);

    const member = await logInAs(browser, email, password);
    await expect(member.getByRole('link', { name: 'Settings', exact: true })).toHaveCount(0);
    expect(await libraryNames(member, stem)).toEqual([theirs.fileName]);
    // They upload through the library: the upload is theirs, so they see it too.
    const uploaded = { name: uniqueName(`${stem}-uploaded`, 'png'), mimeType: 'image/png', buffer: await png(40, 30) };
    const chooser = member.waitForEvent('filechooser');
    await member.getByRole('button', { name: 'Upload', exact: true }).click();
    await (await chooser).setFiles([uploaded]);
    await expect(member.getByRole('table', { name: 'Media' }).getByRole('link', { name: uploaded.name })).toBeVisible();
    expect(data.query('select creator_id from media where file_name = ?', uploaded.name)).toEqual([{ creator_id: id }]);
    expect(await libraryNames(member, stem)).toEqual([theirs.fileName, uploaded.name].sort());
    expect(await libraryNames(member, stem)).not.toContain(others.fileName);
    await member.screenshot({ path: `${shots}/library-restricted.png` });

    // The settings screens are the Administrator's.
    await member.goto('/settings/members');
    await expect(member.getByRole('status')).toHaveText('Only an Administrator can manage members.');
    await expect(member.getByRole('button', { name: 'Add member' })).toHaveCount(0);
    await member.context().close();
  },
);

test(
  'removing a member: their media lose the creator (the role scope stops ' +
    'matching), their session ends at once, and the screen offers to reassign it',
  async ({ page, request, browser }) => {
    test.setTimeout(90_000);
    const s = suffix();
    const role = createRole(E2E.dataDir, { name: `Team ${s}`, mediaRead: 'role' });
    const leaving = `leaving-${s}@kura.test`;
    const staying = `staying-${s}@kura.test`;
    const leavingId = await createMember(E2E.dataDir, { email: leaving, password, name: `Leaving ${s}` }, [role]);
    const stayingId = await createMember(E2E.dataDir, { email: staying, password, name: `Staying ${s}` }, [role]);
    const stem = `handover-${s}`;
    const item = await imageBy(request, stem, leavingId);

    const colleague = await logInAs(browser, staying, password);
    expect(await libraryNames(colleague, stem)).toEqual([item.fileName]);
    const leaver = await logInAs(browser, leaving, password);

    await page.goto('/settings/members');
    const members = page.getByRole('region', { name: 'Members' });
    await expect(members.getByRole('button', { name: `Remove ${E2E.adminEmail}` })).toHaveCount(0); // not oneself
    await members.getByRole('button', { name: `Remove ${leaving}` }).click();
    const confirm = page.getByRole('dialog', { name: `Remove ${leaving}?` });
    await expect(confirm).toContainText('Their 1 media stay in the library without a creator');
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await expect(confirm).toBeHidden();
    await expect(members.getByText(`Removed ${leaving}. Their 1 media now have no creator.`)).toBeVisible();
    await expect(members.getByRole('link', { name: 'Media without a creator' })).toHaveAttribute(
      'href',
      '/media?creator=none',
    );
    await page.screenshot({ path: `${shots}/member-removed.png` });
    expect(data.query('select id from members where id = ?', leavingId)).toHaveLength(0);
    expect(data.query('select creator_id from media where id = ?', item.id)).toEqual([{ creator_id: null }]);

    // Without a creator, "created by members of this role" no longer matches it.
    expect(await libraryNames(colleague, stem)).toEqual([]);
    // The removed member's open session is over.
    await leaver.goto('/media');
    await expect(leaver).toHaveURL(/\/login$/);
    await leaver.context().close();

    await members.getByRole('button', { name: 'Reassign 1 media…' }).click();
    const reassign = page.getByRole('dialog', { name: 'Change creator of 1 media' });
    await reassign.getByRole('combobox', { name: 'Creator' }).selectOption({ label: `Staying ${s} (${staying})` });
    await reassign.getByRole('button', { name: 'Save' }).click();
    await expect(reassign).toBeHidden();
    await expect(members.getByText('Gave 1 media a new creator.')).toBeVisible();
    expect(data.query('select creator_id from media where id = ?', item.id)).toEqual([{ creator_id: stayingId }]);
    expect(await libraryNames(colleague, stem)).toEqual([item.fileName]);
    await colleague.context().close();
  },
);

test('Edit member changes roles at once; each member changes their own password, proving the current one', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const s = suffix();
  const none = createRole(E2E.dataDir, { name: `Nobody ${s}`, mediaRead: 'none' });
  const readers = `Everything ${s}`;
  createRole(E2E.dataDir, { name: readers, mediaRead: 'all' });
  const email = `pw-${s}@kura.test`;
  const id = await createMember(E2E.dataDir, { email, password, name: `Pat ${s}` }, [none]);

  await page.goto('/settings/members');
  const members = page.getByRole('region', { name: 'Members' });
  await members.getByRole('button', { name: `Edit ${email}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${email}` });
  await expect(edit.getByRole('checkbox', { name: `Nobody ${s}` })).toBeChecked();
  await edit.getByRole('checkbox', { name: `Nobody ${s}` }).uncheck();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByText('Choose at least one role')).toBeVisible();
  await edit.getByRole('checkbox', { name: readers }).check();
  await edit.getByLabel('Name').fill(`Pat Renamed ${s}`);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(members.getByRole('list', { name: `Roles of ${email}` })).toHaveText(readers);
  await expect(members.getByRole('rowheader', { name: `Pat Renamed ${s}` })).toBeVisible();
  expect(
    data.query('select r.name from member_roles mr join roles r on r.id = mr.role_id where mr.member_id = ?', id),
  ).toEqual([{ name: readers }]);

  const member = await logInAs(browser, email, password);
  await member.getByRole('link', { name: 'Account' }).click();
  await expect(member).toHaveURL(/\/settings\/account$/);
  await expect(member.getByRole('navigation', { name: 'Settings' }).getByRole('link')).toHaveText(['Account']);
  await expect(member.getByRole('region', { name: 'Account' })).toContainText(`${readers} — media read: All media`);
  const form = member.getByRole('region', { name: 'Change password' });
  const hashBefore = data.query<{ password_hash: string }>('select password_hash from members where id = ?', id)[0]
    .password_hash;
  const change = async (current: string, next: string, repeat = next) => {
    await form.getByLabel('Current password').fill(current);
    await form.getByLabel('New password', { exact: true }).fill(next);
    await form.getByLabel('Repeat new password').fill(repeat);
    await form.getByRole('button', { name: 'Change password' }).click();
  };
  const newPassword = 'a longer passphrase 456';
  await change('not my password', newPassword);
  await expect(form.getByRole('alert')).toHaveText('The current password is not right');
  await change(password, 'too short');
  await expect(form.getByText('Use at least 12 characters')).toBeVisible();
  await change(password, newPassword, `${newPassword}!`);
  await expect(form.getByText('The two new passwords differ')).toBeVisible();
  await member.screenshot({ path: `${shots}/account.png` });
  expect(data.query('select password_hash from members where id = ?', id)).toEqual([{ password_hash: hashBefore }]);

  await change(password, newPassword);
  await expect(form.getByText('Your password is changed.')).toBeVisible();
  expect(
    data.query<{ password_hash: string }>('select password_hash from members where id = ?', id)[0].password_hash,
  ).not.toBe(hashBefore);
  await member.context().close();

  // The old password no longer works; the new one does.
  const fresh = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const login = await fresh.newPage();
  await login.goto('/login');
  await login.getByLabel('Email').fill(email);
  await login.getByLabel('Password').fill(password);
  await login.getByRole('button', { name: 'Log in' }).click();
  await expect(login.locator('#login-error').getByRole('alert')).toHaveText('Wrong email or password');
  await fresh.close();
  await (await logInAs(browser, email, newPassword)).context().close();
});
