import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { createRole } from '../support/seed';
import { logInAs, shots } from './settings-helpers';

// A server of its own: these tests take the Administrator role away (or try to), which on the shared
// server could lock out every other test.
const LAST_ADMIN = 'Kura needs at least one Administrator: make another member an Administrator first';

const adminCount = (data: ReturnType<typeof inspect>) =>
  data.query<{ n: number }>(
    "select count(*) n from member_roles mr join roles r on r.id = mr.role_id where r.builtin = 'administrator'",
  )[0].n;

/** Add member on the members screen, with the Administrator role. */
async function addAdministrator(page: Page, email: string, password: string) {
  await page.getByRole('button', { name: 'Add member' }).click();
  const add = page.getByRole('dialog', { name: 'Add member' });
  await add.getByLabel('Email').fill(email);
  await add.getByLabel('Name').fill(email.split('@')[0]);
  await add.getByLabel('Password').fill(password);
  await add.getByRole('checkbox', { name: 'Administrator' }).check();
  await add.getByRole('button', { name: 'Save' }).click();
  await expect(add).toBeHidden();
}

/** Waits until a dialog has an answer: gone (it worked) or showing the refusal; 'pending' if neither came. */
async function outcomeOf(dialog: Locator): Promise<string> {
  let outcome = 'pending';
  await expect
    .poll(
      async () => {
        // allTextContents does not wait: the dialog may close between the two looks.
        outcome = (await dialog.isHidden())
          ? 'done'
          : (await dialog.getByRole('alert').allTextContents()).join('').trim() || 'pending';
        return outcome;
      },
      { timeout: 30_000 },
    )
    .not.toBe('pending')
    .catch(() => undefined); // the assertions below name what each side showed
  return outcome;
}

test(
  'the last Administrator cannot lose the role, and two ' +
    'Administrators removing each other at the same moment leave one',
  async ({ browser }, testInfo) => {
    test.setTimeout(150_000);
    const server = new KuraServer(path.join(testInfo.outputDir, 'data'), E2E.port + 1);
    await server.start();
    const data = inspect(server.dataDir);
    try {
      createRole(server.dataDir, { name: 'Editors', mediaRead: 'all' });
      const first = await logInAs(browser, E2E.adminEmail, E2E.adminPassword, server.baseURL);
      await first.goto('/settings/members');
      const members = first.getByRole('region', { name: 'Members' });
      await expect(members.getByRole('button', { name: `Remove ${E2E.adminEmail}` })).toHaveCount(0);

      // The only Administrator gives up the role: refused, nothing changes.
      await members.getByRole('button', { name: `Edit ${E2E.adminEmail}` }).click();
      const edit = first.getByRole('dialog', { name: `Edit ${E2E.adminEmail}` });
      await edit.getByRole('checkbox', { name: 'Administrator' }).uncheck();
      await edit.getByRole('checkbox', { name: 'Editors' }).check();
      await edit.getByRole('button', { name: 'Save' }).click();
      await expect(edit.getByRole('alert')).toHaveText(LAST_ADMIN);
      await first.screenshot({ path: `${shots}/last-admin-refused.png` });
      await edit.getByRole('button', { name: 'Cancel' }).click();
      expect(adminCount(data)).toBe(1);
      expect(
        data.query(
          'select r.name from member_roles mr join roles r on r.id = ' +
            'mr.role_id join members m on m.id = mr.member_id where m.email = ?',
          E2E.adminEmail,
        ),
      ).toEqual([{ name: 'Administrator' }]);

      // A second Administrator, added on the screen.
      const second = 'second-admin@kura.test';
      const password = 'second admin password';
      await addAdministrator(first, second, password);
      expect(adminCount(data)).toBe(2);

      // Each opens "Remove" on the other and both confirm at once: one wins, the other is refused.
      const other = await logInAs(browser, second, password, server.baseURL);
      await other.goto('/settings/members');
      await members.getByRole('button', { name: `Remove ${second}` }).click();
      await other
        .getByRole('region', { name: 'Members' })
        .getByRole('button', { name: `Remove ${E2E.adminEmail}` })
        .click();
      const dialogs = [
        first.getByRole('dialog', { name: `Remove ${second}?` }),
        other.getByRole('dialog', { name: `Remove ${E2E.adminEmail}?` }),
      ];
      await Promise.all(dialogs.map((d) => d.getByRole('button', { name: 'Remove' }).click()));
      const outcomes = await Promise.all(dialogs.map(outcomeOf));
      // The loser is refused by the guard, or (when the winner was a moment earlier) finds its own session ended.
      expect(
        outcomes.filter((o) => o === 'done'),
        JSON.stringify(outcomes),
      ).toHaveLength(1);
      expect([LAST_ADMIN, 'Your session has ended: log in again'], JSON.stringify(outcomes)).toContain(
        outcomes.find((o) => o !== 'done'),
      );
      expect(adminCount(data)).toBe(1);
      expect(data.query('select email from members')).toHaveLength(1);
      const winner = (await first.getByRole('dialog').count()) === 0 ? first : other;
      await (winner === first ? other : first).context().close();

      // In two tabs of the one Administrator left: remove a newly added Administrator, and give up the
      // role oneself, at once. Judged second, giving up the role would leave no Administrator; removing
      // would come from someone who is no longer one. Either way one of the two is refused.
      const me = winner === first ? E2E.adminEmail : second;
      const third = 'third-admin@kura.test';
      await winner.goto('/settings/members');
      await addAdministrator(winner, third, password);
      const tab = await winner.context().newPage();
      await tab.goto('/settings/members');
      await winner
        .getByRole('region', { name: 'Members' })
        .getByRole('button', { name: `Remove ${third}` })
        .click();
      await tab
        .getByRole('region', { name: 'Members' })
        .getByRole('button', { name: `Edit ${me}` })
        .click();
      const selfEdit = tab.getByRole('dialog', { name: `Edit ${me}` });
      await selfEdit.getByRole('checkbox', { name: 'Administrator' }).uncheck();
      await selfEdit.getByRole('checkbox', { name: 'Editors' }).check();
      const removeThird = winner.getByRole('dialog', { name: `Remove ${third}?` });
      await Promise.all([
        removeThird.getByRole('button', { name: 'Remove' }).click(),
        selfEdit.getByRole('button', { name: 'Save' }).click(),
      ]);
      const [removal, demotion] = await Promise.all([outcomeOf(removeThird), outcomeOf(selfEdit)]);
      const seen = JSON.stringify({ removal, demotion });
      if (removal === 'done') expect(demotion, seen).toBe(LAST_ADMIN);
      else expect([removal, demotion], seen).toEqual(['Only an Administrator can remove members', 'done']);
      expect(adminCount(data)).toBe(1);
      await winner.context().close();
    } finally {
      await server.kill();
    }
  },
);
