import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { E2E } from '../support/env';
import { keyHeader, png, uniqueName, uploadViaApi } from '../support/media';
import { startReceiver, signedWith, type Receiver } from '../support/receiver';
import { createApi } from '../support/seed';

// Media webhooks hear about every upload on the shared server, other tests' too: each test looks only
// for events about its own files, and removes its webhooks at the end so nothing sends to a closed port.

const shots = 'tests/.tmp/shots';
const unique = (stem: string) => `${stem} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Removes a test's webhooks straight from the database, whatever state a failed test left them in. */
function forgetWebhook(name: string) {
  const db = new Database(path.join(E2E.dataDir, 'kura.db'));
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.prepare('delete from webhooks where name = ?').run(name);
  } finally {
    db.close();
  }
}

/**
 * A media webhook as KURA_MEDIA_WEBHOOK_URL provisions it (source 'env'), written straight into the
 * database: the shared server has no such variable. Paused, so no event is queued for it.
 */
function provisionedWebhook(name: string) {
  const db = new Database(path.join(E2E.dataDir, 'kura.db'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(
      'insert into webhooks (id, api_id, name, url, secret_sealed, events, ' +
        "enabled, source) values (?, null, ?, ?, 'sealed', ?, 0, 'env')",
    ).run(
      randomBytes(16).toString('hex'),
      name,
      'http://127.0.0.1:9/from-env',
      JSON.stringify(['new', 'edit', 'delete']),
    );
  } finally {
    db.close();
  }
}

/** Fills the Add webhook dialog (all events, enabled) with a generated secret; returns the secret. */
async function addWebhook(
  page: Page,
  section: Locator,
  name: string,
  url: string,
  screenshot?: string,
): Promise<string> {
  await section.getByRole('button', { name: 'Add webhook' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add webhook' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByLabel('URL', { exact: true }).fill(url);
  await dialog.getByRole('button', { name: 'Generate' }).click();
  const secret = await dialog.getByLabel('Secret', { exact: true }).inputValue();
  expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
  for (const event of ['New', 'Edit', 'Delete'])
    await expect(dialog.getByRole('checkbox', { name: new RegExp(`^${event}\\b`) })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Enabled' })).toBeChecked();
  if (screenshot) await page.screenshot({ path: `${shots}/${screenshot}` });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByText(`Added the webhook “${name}”.`)).toBeVisible();
  return secret;
}

async function deleteWebhook(page: Page, section: Locator, name: string) {
  await section.getByRole('listitem', { name }).getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: `Delete the webhook “${name}”?` });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  await expect(section.getByRole('listitem', { name })).toHaveCount(0);
}

const eventIdOf = (r: { headers: Record<string, unknown> }) => String(r.headers['x-kura-event-id']);

test(
  'a media webhook: Send test, a signed media.new for an ' +
    'upload, the delivery log, a retry after failures, Redeliver',
  async ({ page, request }) => {
    test.setTimeout(150_000);
    const receiver = await startReceiver();
    const hook = unique('site rebuild');
    try {
      await page.goto('/media/settings');
      const section = page.getByRole('region', { name: 'Webhooks' });
      await expect(section.getByText('X-Kura-Signature: sha256=<hex>')).toBeVisible();
      const secret = await addWebhook(page, section, hook, receiver.url, 'webhook-add-dialog.png');
      const item = section.getByRole('listitem', { name: hook });
      await expect(item).toContainText(receiver.url);
      await expect(item).toContainText('Enabled');
      await expect(item).toContainText('Events: New, Edit, Delete');

      await item.getByRole('button', { name: 'Send test' }).click();
      await expect(item.getByRole('status')).toHaveText(/^Test: 200 OK in \d+ ms$/);
      const [ping] = receiver.events('media.test');
      expect(signedWith(secret, ping)).toBe(true);
      expect(JSON.parse(ping.body)).toMatchObject({ type: 'test' });
      await page.screenshot({ path: `${shots}/media-settings-webhooks.png`, fullPage: true });

      // An upload through the library reaches the receiver, signed with the secret typed in the form.
      const first = uniqueName('hooked', 'png');
      await page.goto('/media');
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Upload', exact: true }).click();
      await (await chooser).setFiles({ name: first, mimeType: 'image/png', buffer: await png(64, 48) });
      await expect(page.getByRole('listitem', { name: `Upload of ${first}` })).toHaveAttribute(
        'data-upload-status',
        'done',
      );
      const aboutFirst = (r: { body: string }) => r.body.includes(first);
      await expect.poll(() => receiver.events('media.new', aboutFirst).length, { timeout: 30_000 }).toBe(1);
      const [uploaded] = receiver.events('media.new', aboutFirst);
      expect(signedWith(secret, uploaded)).toBe(true);
      expect(signedWith('another secret entirely', uploaded)).toBe(false);
      expect(JSON.parse(uploaded.body)).toMatchObject({
        type: 'new',
        old: null,
        new: { url: expect.stringContaining(`/${first}`), width: 64, height: 48 },
      });
      const eventId = eventIdOf(uploaded);
      expect(eventId).toMatch(/^[0-9a-f]{32}$/);

      await page.goto('/media/settings');
      await item.getByRole('button', { name: 'Deliveries' }).click();
      const log = page.getByRole('dialog', { name: `Deliveries to ${hook}` });
      const firstRow = log.getByRole('listitem', { name: `media.new ${eventId}` });
      await expect(firstRow.getByTestId('delivery-state')).toHaveText('Delivered');
      await expect(firstRow).toContainText(/1 attempt, last: 200 OK in \d+ ms/);
      await firstRow.getByText(/^1 attempt/).click();
      const attempts = firstRow.getByRole('table', { name: `Attempts of ${eventId}` });
      await expect(attempts.getByRole('row')).toHaveCount(2); // header + one attempt
      await expect(attempts.getByRole('row').nth(1)).toContainText('200');
      await firstRow.getByText('Body', { exact: true }).click();
      await expect(firstRow.locator('pre')).toContainText(`"url": "${JSON.parse(uploaded.body).new.url}"`);

      // The receiver fails a second event until told otherwise: the log shows it pending with the failed
      // attempt, then delivered by a retry once the receiver answers 200 again.
      const second = uniqueName('retried', 'png');
      const aboutSecond = (r: { body: string }) => r.body.includes(second);
      const stopFailing = receiver.respond(500, { when: aboutSecond, times: Infinity });
      expect((await uploadViaApi(request, second, await png(20, 20), 'image/png')).res.status()).toBe(201);
      await expect.poll(() => receiver.events('media.new', aboutSecond).length, { timeout: 30_000 }).toBeGreaterThan(0);
      const secondId = eventIdOf(receiver.events('media.new', aboutSecond)[0]);
      await log.getByRole('button', { name: 'Refresh' }).click();
      const secondRow = log.getByRole('listitem', { name: `media.new ${secondId}` });
      await expect(secondRow.getByTestId('delivery-state')).toHaveText('Pending');
      await expect(secondRow).toContainText('last: 500 Internal Server Error');
      await expect(secondRow).toContainText('scripted failure');
      // The list counts what waits: this webhook's line, not every delivery (a second tab, the log stays open).
      const list = await page.context().newPage();
      await list.goto('/media/settings');
      // At least this one: uploads of tests running beside this one are media events for this webhook too.
      await expect(list.getByRole('listitem', { name: hook })).toContainText(/[1-9]\d* pending · 0 failed/);
      await list.close();
      stopFailing();
      // the log refreshes itself while pending
      await expect(secondRow.getByTestId('delivery-state')).toHaveText('Delivered', { timeout: 60_000 });
      const tries = receiver.events('media.new', aboutSecond);
      expect(tries.map((r) => r.answered)).toEqual([...tries.slice(0, -1).map(() => 500), 200]);
      expect(new Set(tries.map(eventIdOf))).toEqual(new Set([secondId]));
      await secondRow.getByText(/^\d+ attempts/).click();
      const secondAttempts = secondRow.getByRole('table', { name: `Attempts of ${secondId}` }).getByRole('row');
      await expect(secondAttempts).toHaveCount(tries.length + 1);
      await expect(secondAttempts.nth(1)).toContainText('HTTP 500: scripted failure');
      await expect(secondAttempts.last()).toContainText('200');
      await page.screenshot({ path: `${shots}/webhook-delivery-log.png` });

      // Redeliver sends the same event (same id, same bytes, same signature) once more.
      await firstRow.getByRole('button', { name: `Redeliver ${eventId}` }).click();
      await expect
        .poll(() => receiver.received.filter((r) => eventIdOf(r) === eventId).length, { timeout: 30_000 })
        .toBe(2);
      const again = receiver.received.filter((r) => eventIdOf(r) === eventId)[1];
      expect(again.body).toBe(uploaded.body);
      expect(signedWith(secret, again)).toBe(true);
      await expect(log.getByRole('listitem', { name: `media.new ${eventId}` })).toHaveCount(2);
      await expect(
        log
          .getByRole('listitem', { name: `media.new ${eventId}` })
          .first()
          .getByTestId('delivery-state'),
      ).toHaveText('Delivered');

      await log.getByRole('button', { name: 'Close' }).click();
      await expect(log).toBeHidden();
      await deleteWebhook(page, section, hook);
    } finally {
      forgetWebhook(hook);
      await receiver.close();
    }
  },
);

test(
  'editing a webhook: validation in the dialog, a new URL and events, the ' +
    'secret kept when left empty, Send test naming a refused connection',
  async ({ page }) => {
    const receiver = await startReceiver();
    const closed = await startReceiver();
    await closed.close(); // a port nothing listens on
    const hook = unique('edited');
    try {
      await page.goto('/media/settings');
      const section = page.getByRole('region', { name: 'Webhooks' });
      const secret = await addWebhook(page, section, hook, receiver.url);
      const item = section.getByRole('listitem', { name: hook });

      await item.getByRole('button', { name: 'Edit' }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit webhook' });
      await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue(hook);
      await expect(dialog.getByLabel('Secret', { exact: true })).toHaveValue('');
      await dialog.getByLabel('URL', { exact: true }).fill('ftp://example.com/hook');
      await dialog.getByRole('checkbox', { name: /^New/ }).uncheck();
      await dialog.getByRole('checkbox', { name: /^Edit/ }).uncheck();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(dialog.getByLabel('URL', { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await expect(dialog.getByText('an http:// or https:// URL, e.g. https://example.com/hooks/kura')).toBeVisible();
      await expect(dialog.getByLabel('URL', { exact: true })).toHaveAccessibleDescription(
        /an http:\/\/ or https:\/\/ URL, e\.g\. https:\/\/example\.com\/hooks\/kura/i,
      );
      await page.screenshot({ path: `${shots}/webhook-url-field-error.png` });

      await dialog.getByLabel('URL', { exact: true }).fill(closed.url);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(dialog).toBeHidden();
      await expect(item).toContainText(closed.url);
      await expect(item).toContainText('Events: Delete');
      await item.getByRole('button', { name: 'Send test' }).click();
      await expect(item.getByRole('status')).toContainText('ECONNREFUSED');

      // Back to the receiver, secret left empty: requests are still signed with the first secret.
      await item.getByRole('button', { name: 'Edit' }).click();
      await dialog.getByLabel('URL', { exact: true }).fill(receiver.url);
      await dialog.getByRole('checkbox', { name: 'Enabled' }).uncheck();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(dialog).toBeHidden();
      await expect(item).toContainText('Paused');
      await item.getByRole('button', { name: 'Send test' }).click();
      await expect(item.getByRole('status')).toHaveText(/^Test: 200 OK in \d+ ms$/);
      expect(signedWith(secret, receiver.events('media.test')[0])).toBe(true);

      await deleteWebhook(page, section, hook);
    } finally {
      forgetWebhook(hook);
      await receiver.close();
    }
  },
);

test(
  'a content webhook on an API’s settings page gets content.new when ' +
    'the content API creates an item; its log pages with Load more',
  async ({ page, request }) => {
    const endpoint = `hooked-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    createApi(E2E.dataDir, endpoint, [{ id: 'title', name: 'Title', kind: 'text' }], 'Hooked news');
    const receiver: Receiver = await startReceiver();
    const hook = unique('content');
    try {
      await page.goto(`/apis/${endpoint}/settings`);
      const section = page.getByRole('region', { name: 'Webhooks' });
      await section.getByRole('button', { name: 'Add webhook' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add webhook' });
      await expect(dialog.getByRole('checkbox', { name: 'New (content created)' })).toBeChecked();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
      const secret = await addWebhook(page, section, hook, receiver.url);
      await page.screenshot({ path: `${shots}/api-settings-webhooks.png`, fullPage: true });

      const res = await request.post(`/api/v1/${endpoint}`, { headers: keyHeader, data: { title: 'Hello hooks' } });
      expect(res.status()).toBe(201);
      const { id } = (await res.json()) as { id: string };
      await expect.poll(() => receiver.events('content.new').length, { timeout: 30_000 }).toBe(1);
      const [event] = receiver.events('content.new');
      expect(signedWith(secret, event)).toBe(true);
      expect(JSON.parse(event.body)).toMatchObject({
        api: endpoint,
        id,
        type: 'new',
        contents: { old: null, new: { id, publishValue: { title: 'Hello hooks' } } },
      });

      // 50 more: the log shows the newest 50, and "Load more" the first one.
      for (let i = 1; i <= 50; i++) {
        expect(
          (await request.post(`/api/v1/${endpoint}`, { headers: keyHeader, data: { title: `More ${i}` } })).status(),
        ).toBe(201);
      }
      await expect.poll(() => receiver.events('content.new').length, { timeout: 30_000 }).toBe(51);
      const item = section.getByRole('listitem', { name: hook });
      await item.getByRole('button', { name: 'Deliveries' }).click();
      const log = page.getByRole('dialog', { name: `Deliveries to ${hook}` });
      const rows = log.getByRole('list', { name: 'Deliveries' }).getByRole('listitem');
      await expect(rows).toHaveCount(50);
      await expect(rows.first()).toHaveAccessibleName(`content.new ${eventIdOf(receiver.events('content.new')[50])}`);
      const firstEvent = log.getByRole('listitem', { name: `content.new ${eventIdOf(event)}` });
      await expect(firstEvent).toHaveCount(0);
      await log.getByRole('button', { name: 'Load more' }).click();
      await expect(rows).toHaveCount(51);
      await expect(rows.last()).toHaveAccessibleName(`content.new ${eventIdOf(event)}`);
      await expect(firstEvent.getByTestId('delivery-state')).toHaveText('Delivered');
      await expect(log.getByRole('button', { name: 'Load more' })).toHaveCount(0);
      await log.getByRole('button', { name: 'Close' }).click();
      await deleteWebhook(page, section, hook);
    } finally {
      forgetWebhook(hook);
      await receiver.close();
    }
  },
);

test('a webhook from the environment is marked so; its URL and secret cannot be edited, its name can', async ({
  page,
}) => {
  const hook = unique('from env');
  const renamed = unique('env renamed');
  provisionedWebhook(hook);
  try {
    await page.goto('/media/settings');
    const section = page.getByRole('region', { name: 'Webhooks' });
    const item = section.getByRole('listitem', { name: hook });
    await expect(item).toContainText('From the environment');
    await expect(item).toContainText('Paused');

    await item.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit webhook' });
    await expect(dialog.getByLabel('URL', { exact: true })).toBeDisabled();
    await expect(dialog.getByLabel('URL', { exact: true })).toHaveValue('http://127.0.0.1:9/from-env');
    await expect(dialog.getByLabel('Secret', { exact: true })).toBeDisabled();
    await expect(dialog.getByRole('button', { name: 'Generate' })).toHaveCount(0);
    await expect(
      dialog.getByText('change its URL and secret in KURA_MEDIA_WEBHOOK_URL and KURA_WEBHOOK_SECRET'),
    ).toBeVisible();
    await dialog.getByLabel('Name', { exact: true }).fill(renamed);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    const again = section.getByRole('listitem', { name: renamed });
    await expect(again).toContainText('From the environment');
    await expect(again).toContainText('http://127.0.0.1:9/from-env');

    await again.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('dialog', { name: `Delete the webhook “${renamed}”?` })).toContainText(
      'It comes back at the next start while KURA_MEDIA_WEBHOOK_URL is set.',
    );
    await page
      .getByRole('dialog', { name: `Delete the webhook “${renamed}”?` })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await deleteWebhook(page, section, renamed);
  } finally {
    forgetWebhook(hook);
    forgetWebhook(renamed);
  }
});
