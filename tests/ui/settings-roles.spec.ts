import { expect, test } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { createApi, createMember, createRole } from '../support/seed';
import { imageBy, libraryNames, logInAs, shots, suffix } from './settings-helpers';

const data = inspect(E2E.dataDir);
const password = 'member password 123';

test(
  'read scopes in the library: created by members of this ' + 'role, uploaded by me, the broadest of several roles',
  async ({ page, request, browser }) => {
    test.setTimeout(120_000);
    const s = suffix();
    const endpoint = `scoped-${s}`;
    const apiId = createApi(E2E.dataDir, endpoint, [
      { id: 'title', name: 'Title', kind: 'text' },
      { id: 'cover', name: 'Cover', kind: 'image' },
    ]);
    const r1 = createRole(
      E2E.dataDir,
      { name: `Writers ${s}`, mediaRead: 'role' },
      { [apiId]: { read: true, create: true } },
    );
    const r2 = createRole(E2E.dataDir, { name: `Sales ${s}`, mediaRead: 'role' });
    const own = createRole(E2E.dataDir, { name: `Guests ${s}`, mediaRead: 'own' });
    const all = createRole(E2E.dataDir, { name: `Readers ${s}`, mediaRead: 'all' });
    const email = (who: string) => `${who}-${s}@kura.test`;
    const a = await createMember(E2E.dataDir, { email: email('a'), password, name: `A ${s}` }, [r1]);
    const b = await createMember(E2E.dataDir, { email: email('b'), password, name: `B ${s}` }, [r1]);
    const c = await createMember(E2E.dataDir, { email: email('c'), password, name: `C ${s}` }, [r2]);
    const d = await createMember(E2E.dataDir, { email: email('d'), password }, [own]);
    await createMember(E2E.dataDir, { email: email('e'), password }, [own, all]);

    const stem = `scope-${s}`;
    const [byA, byB, byC, byD] = [
      await imageBy(request, `${stem}-a`, a),
      await imageBy(request, `${stem}-b`, b),
      await imageBy(request, `${stem}-c`, c),
      await imageBy(request, `${stem}-d`, d),
    ];
    const names = (...items: { fileName: string }[]) => items.map((m) => m.fileName).sort();

    // A (role R1, "created by members of this role") sees what A and B (R1) uploaded, not C's (R2) or D's.
    const pageA = await logInAs(browser, email('a'), password);
    expect(await libraryNames(pageA, stem)).toEqual(names(byA, byB));
    await pageA.screenshot({ path: `${shots}/library-role-scope.png` });
    // The panel is limited the same way: C's item does not open.
    await pageA.goto(`/media?selected=${byC.id}`);
    await expect(pageA.getByRole('complementary', { name: 'Media details' })).toHaveCount(0);
    await pageA.goto(`/media?selected=${byB.id}`);
    await expect(pageA.getByRole('complementary', { name: 'Media details' })).toBeVisible();
    expect((await pageA.request.get(`/media/thumbnail/${byC.id}`)).status()).toBe(404);
    expect((await pageA.request.get(`/media/thumbnail/${byB.id}`)).status()).toBe(200);
    // And so is the media picker of a content form (its search finds only what A may read).
    await pageA.goto(`/apis/${endpoint}/new`);
    await pageA.getByRole('button', { name: 'Choose Cover' }).click();
    const picker = pageA.getByRole('dialog', { name: 'Choose an image' });
    await picker.getByLabel('Search media').fill(stem);
    const pickerIds = () =>
      picker
        .getByRole('list', { name: 'Results' })
        .getByRole('listitem')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-media-id')).sort());
    await expect.poll(pickerIds).toEqual([byA.id, byB.id].sort());

    // The Administrator makes B (an R1 member) the creator of C's item: A now sees it.
    await page.goto(`/media?selected=${byC.id}`);
    const panel = page.getByRole('complementary', { name: 'Media details' });
    await panel.getByRole('button', { name: 'Change creator' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change creator' });
    await dialog
      .getByRole('combobox', { name: 'Creator', exact: true })
      .selectOption({ label: `B ${s} (${email('b')})` });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    expect(await libraryNames(pageA, stem)).toEqual(names(byA, byB, byC));

    // D ("uploaded by me") sees only D's own upload.
    const pageD = await logInAs(browser, email('d'), password);
    expect(await libraryNames(pageD, stem)).toEqual(names(byD));
    await pageD.screenshot({ path: `${shots}/library-own-scope.png` });

    // E holds "uploaded by me" and "all media": the broadest wins.
    const pageE = await logInAs(browser, email('e'), password);
    expect(await libraryNames(pageE, stem)).toEqual(names(byA, byB, byC, byD));

    for (const p of [pageA, pageD, pageE]) await p.context().close();
  },
);

test('New role: the form’s names, content permissions per API, duplicate and empty names refused, Edit', async ({
  page,
}) => {
  const s = suffix();
  const apiName = `Press ${s}`;
  const apiId = createApi(E2E.dataDir, `press-${s}`, [{ id: 'title', name: 'Title', kind: 'text' }], apiName);
  const name = `Editors ${s}`;

  await page.goto('/settings/roles');
  const roles = page.getByRole('region', { name: 'Roles' });
  const admin = roles
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Administrator', exact: true }) });
  await expect(admin).toContainText('Built in');
  await expect(admin.getByRole('button')).toHaveCount(0);

  await page.getByRole('button', { name: 'New role' }).click();
  const dialog = page.getByRole('dialog', { name: 'New role' });
  await expect(dialog.getByLabel('Role name')).toBeFocused();
  const read = dialog.getByRole('radiogroup', { name: 'Media read' });
  await expect(read.getByRole('radio')).toHaveCount(4);
  for (const option of ['All media', 'Created by members of this role', 'Uploaded by me', 'None'])
    await expect(read.getByRole('radio', { name: option, exact: true })).toBeVisible();

  // An empty name is refused beside the field; nothing is written.
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Give the role a name')).toBeVisible();

  await dialog.getByLabel('Role name').fill(name);
  await read.getByRole('radio', { name: 'Created by members of this role' }).check();
  await dialog.getByRole('checkbox', { name: 'Upload media' }).check();
  await dialog.getByRole('checkbox', { name: 'Edit media' }).check();
  await dialog.getByRole('checkbox', { name: `Read ${apiName}` }).check();
  await dialog.getByRole('checkbox', { name: `Update ${apiName}` }).check();
  await page.screenshot({ path: `${shots}/role-dialog.png` });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(roles.getByText(`Created the role “${name}”.`)).toBeVisible();
  const row = roles.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(row).toContainText('Created by members of this role');
  await expect(row).toContainText('Upload, Edit');
  await expect(row).toContainText(`${apiName}: Read, Update`);
  const [stored] = data.query<{
    id: string;
    media_read: string;
    media_upload: number;
    media_edit: number;
    media_delete: number;
  }>('select * from roles where name = ?', name);
  expect(stored).toMatchObject({ media_read: 'role', media_upload: 1, media_edit: 1, media_delete: 0 });
  expect(
    data.query(
      'select api_id, read, "create", "update", "delete" from role_content_rights where role_id = ?',
      stored.id,
    ),
  ).toEqual([{ api_id: apiId, read: 1, create: 0, update: 1, delete: 0 }]);

  // The same name in other letters is taken.
  await page.getByRole('button', { name: 'New role' }).click();
  await dialog.getByLabel('Role name').fill(name.toUpperCase());
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(`A role named "${name}" already exists`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(data.query('select id from roles where lower(name) = lower(?)', name)).toHaveLength(1);

  // Edit: the form opens with what is stored; the change shows in the list and the database.
  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit role “${name}”` });
  await expect(edit.getByRole('radio', { name: 'Created by members of this role' })).toBeChecked();
  await expect(edit.getByRole('checkbox', { name: `Update ${apiName}` })).toBeChecked();
  await edit.getByRole('radio', { name: 'None', exact: true }).check();
  await edit.getByRole('checkbox', { name: `Update ${apiName}` }).uncheck();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('None');
  await expect(row).toContainText(`${apiName}: Read`);
  expect(data.query('select "update" from role_content_rights where role_id = ?', stored.id)).toEqual([{ update: 0 }]);
  await page.screenshot({ path: `${shots}/roles.png`, fullPage: true });
});

test('a role in use cannot be deleted (how many hold it is said, nothing changes); an unused role can', async ({
  page,
}) => {
  const s = suffix();
  const used = `Held ${s}`;
  const unused = `Spare ${s}`;
  const usedId = createRole(E2E.dataDir, { name: used, mediaRead: 'all' });
  createRole(E2E.dataDir, { name: unused, mediaRead: 'none' });
  await createMember(E2E.dataDir, { email: `holder1-${s}@kura.test`, password }, [usedId]);
  await createMember(E2E.dataDir, { email: `holder2-${s}@kura.test`, password }, [usedId]);

  await page.goto('/settings/roles');
  const roles = page.getByRole('region', { name: 'Roles' });
  await roles.getByRole('button', { name: `Delete ${used}` }).click();
  const confirm = page.getByRole('dialog', { name: `Delete the role “${used}”?` });
  await expect(confirm).toContainText('2 members hold this role');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm.getByRole('alert')).toHaveText(
    `“${used}” is held by 2 members; take the role from them before deleting it`,
  );
  await page.screenshot({ path: `${shots}/role-delete-refused.png` });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(data.query('select id from roles where id = ?', usedId)).toHaveLength(1);
  expect(data.query('select member_id from member_roles where role_id = ?', usedId)).toHaveLength(2);

  await roles.getByRole('button', { name: `Delete ${unused}` }).click();
  await page
    .getByRole('dialog', { name: `Delete the role “${unused}”?` })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(roles.getByText(`Deleted the role “${unused}”.`)).toBeVisible();
  await expect(roles.getByRole('rowheader', { name: unused, exact: true })).toHaveCount(0);
  expect(data.query('select id from roles where name = ?', unused)).toHaveLength(0);
});
