import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { png, uniqueName, type MediaRecord } from '../support/media';
import { startReceiver, signedWith, type Receiver, type Received } from '../support/receiver';
import { createApi } from '../support/seed';

// One server of our own whose media webhook (from KURA_MEDIA_WEBHOOK_URL) points at a receiver in this
// file, so every event it sends is ours to count; serial because the tests share that receiver.
test.describe.configure({ mode: 'serial' });

const SECRET = 'kura-webhook-test-secret-0123456789';
const key = { 'X-MICROCMS-API-KEY': E2E.apiKey };

let receiver: Receiver;
let server: KuraServer;
const data = () => inspect(server.dataDir);
/** What the receiver got, in order, with the parsed body. */
const received = () =>
  receiver.received.map((r) => ({
    ...r,
    id: String(r.headers['x-kura-event-id']),
    type: String(r.headers['x-kura-event-type']),
    json: JSON.parse(r.body),
  }));

test.beforeAll(async () => {
  receiver = await startReceiver();
  server = new KuraServer(path.join(__dirname, '../.tmp/webhooks-data'), testPort(3228), {
    KURA_MEDIA_WEBHOOK_URL: receiver.url,
    KURA_WEBHOOK_SECRET: SECRET,
  });
  fs.rmSync(server.dataDir, { recursive: true, force: true });
  await server.start();
});
test.afterAll(async () => {
  await server.kill('SIGTERM');
  await receiver.close();
});

async function upload(name: string, bytes: Buffer): Promise<MediaRecord> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${server.baseURL}/api/v1/media`, { method: 'POST', headers: key, body: form });
  expect(res.status).toBe(201);
  return (await res.json()) as MediaRecord;
}

async function call(method: string, url: string, body?: unknown): Promise<Response> {
  return fetch(`${server.baseURL}${url}`, {
    method,
    headers: { ...key, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Waits for `count` more requests after the first `from` and returns them. */
async function next(from: number, count: number) {
  await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(from + count);
  return received().slice(from, from + count);
}

function expectSigned(events: Received[]) {
  for (const e of events) expect(signedWith(SECRET, e)).toBe(true);
}

test(
  'upload, rename, alt, tags, re-upload (both ways) and delete ' +
    'through the API: right types, old/new bodies, signed, stable ids',
  async () => {
    const start = receiver.received.length;
    const m = await upload(uniqueName('hooked', 'png'), await png(40, 30));
    const renamed = uniqueName('renamed', 'png');
    expect((await call('PATCH', `/api/v1/media/${m.id}`, { fileName: renamed })).status).toBe(200);
    expect((await call('PATCH', `/api/v1/media/${m.id}`, { alt: 'A red square' })).status).toBe(200);
    expect((await call('PATCH', `/api/v1/media/${m.id}`, { tags: ['press'] })).status).toBe(200); // nothing a site sees
    const reform = new FormData();
    reform.append('file', new Blob([new Uint8Array(await png(80, 60))]), 'ignored.png');
    expect(
      (await fetch(`${server.baseURL}/api/v1/media/${m.id}/file`, { method: 'PUT', headers: key, body: reform }))
        .status,
    ).toBe(200);
    const moved = new FormData();
    moved.append('file', new Blob([new Uint8Array(await png(20, 10))]), 'moved.png');
    const movedRes = await fetch(`${server.baseURL}/api/v1/media/${m.id}/file?newUrl=true`, {
      method: 'PUT',
      headers: key,
      body: moved,
    });
    const next1 = (await movedRes.json()) as MediaRecord;
    expect((await call('DELETE', `/api/v2/media?url=${encodeURIComponent(next1.url)}`)).status).toBe(200);

    const events = await next(start, 6);
    expectSigned(events);
    expect(events.map((e) => e.type)).toEqual([
      'media.new',
      'media.edit',
      'media.edit',
      'media.edit',
      'media.edit',
      'media.delete',
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(6);
    const oldUrl = m.url;
    const renamedUrl = oldUrl.replace(/[^/]+$/, renamed);
    const service = new URL(m.url).pathname.split('/')[2];
    expect(events.map((e) => JSON.parse(e.body))).toEqual([
      { service, type: 'new', old: null, new: { url: oldUrl, width: 40, height: 30 } },
      {
        service,
        type: 'edit',
        old: { url: oldUrl, width: 40, height: 30 },
        new: { url: renamedUrl, width: 40, height: 30 },
      },
      {
        service,
        type: 'edit',
        old: { url: renamedUrl, width: 40, height: 30 },
        new: { url: renamedUrl, width: 40, height: 30, alt: 'A red square' },
      },
      {
        service,
        type: 'edit',
        old: { url: renamedUrl, width: 40, height: 30, alt: 'A red square' },
        new: { url: renamedUrl, width: 80, height: 60 },
      },
      {
        service,
        type: 'edit',
        old: { url: renamedUrl, width: 80, height: 60 },
        new: { url: next1.url, width: 20, height: 10 },
      },
      { service, type: 'delete', old: { url: next1.url, width: 20, height: 10 }, new: null },
    ]);

    // The activity log has every operation, by the API key, with before and after.
    const log = data().query<{
      operation: string;
      actor_name: string;
      actor_type: string;
      before: string | null;
      after: string | null;
    }>(
      `select operation, actor_name, actor_type, before, after from audit_log where media_id in (?, ?) order by id`,
      m.id,
      next1.id,
    );
    expect(log.map((l) => l.operation)).toEqual(['upload', 'rename', 'alt', 'tags', 'reupload', 'reupload', 'delete']);
    expect(new Set(log.map((l) => `${l.actor_type}:${l.actor_name}`))).toEqual(new Set(['apiKey:KURA_API_KEY']));
    expect(JSON.parse(log[1].before!)).toMatchObject({ fileName: m.fileName });
    expect(JSON.parse(log[1].after!)).toMatchObject({ fileName: renamed });
    expect(JSON.parse(log[3].after!)).toEqual({ tags: ['press'] });
  },
);

test('a file webhook body has null width and height and no alt', async () => {
  const start = receiver.received.length;
  await upload(uniqueName('notes', 'txt'), Buffer.from('plain text, not an image'));
  const [event] = await next(start, 1);
  expect(event.json.new).toEqual({ url: expect.stringMatching(/\.txt$/), width: null, height: null });
});

test('a focal point, crop, rotation or flip sends edit with them, and Activity has image_edit', async () => {
  const start = receiver.received.length;
  const m = await upload(uniqueName('framed', 'png'), await png(160, 90));
  const crop = { x: 16, y: 0, w: 128, h: 72 };
  const focused = await call('PATCH', `/api/v1/media/${m.id}`, { focalPoint: { x: 0.25, y: 0.5 }, crop });
  expect(focused.status).toBe(200);
  expect((await call('PATCH', `/api/v1/media/${m.id}`, { rotate: 90, flip: 'v' })).status).toBe(200);
  const [, first, second] = await next(start, 3);
  expectSigned([first, second]);
  const plain = { url: m.url, width: 160, height: 90 };
  const edited = { ...plain, focalPoint: { x: 0.25, y: 0.5 }, crop };
  expect([first.type, second.type]).toEqual(['media.edit', 'media.edit']);
  expect(first.json).toMatchObject({ type: 'edit', old: plain, new: edited });
  expect(first.json.old).toEqual(plain);
  expect(second.json).toMatchObject({ type: 'edit', old: edited, new: { ...edited, rotate: 90, flip: 'v' } });
  const log = data().query<{ operation: string; actor_name: string; after: string }>(
    `select operation, actor_name, after from audit_log where media_id = ? order by id`,
    m.id,
  );
  expect(log.map((l) => l.operation)).toEqual(['upload', 'image_edit', 'image_edit']);
  expect(JSON.parse(log[2].after)).toEqual({ focalPoint: { x: 0.25, y: 0.5 }, crop, rotate: 90, flip: 'v' });
});

test('the same operations through the browser fire the same events, by the member', async ({ browser }) => {
  const uploaded = receiver.received.length;
  const m = await upload(uniqueName('ui-hooked', 'png'), await png(30, 30));
  await next(uploaded, 1); // its media.new, before counting the browser's
  const start = receiver.received.length;
  const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await logIn(page);
    await page.goto(`/media?selected=${m.id}`);
    const panel = page.getByRole('complementary', { name: 'Media details' });

    await panel.getByRole('button', { name: 'Rename', exact: true }).click();
    const rename = page.getByRole('dialog', { name: 'Rename file' });
    const renamed = uniqueName('ui-renamed', 'png');
    await rename.getByRole('textbox', { name: 'File name', exact: true }).fill(renamed);
    await rename.getByRole('button', { name: 'Save' }).click();
    await expect(rename).toBeHidden();

    await panel.getByRole('button', { name: 'Edit alt text' }).click();
    const alt = page.getByRole('dialog', { name: 'Alt text' });
    await alt.getByRole('textbox', { name: 'Alt text', exact: true }).fill('Set in the browser');
    await alt.getByRole('button', { name: 'Save' }).click();
    await expect(alt).toBeHidden();

    const chooser = page.waitForEvent('filechooser');
    await panel.getByRole('button', { name: 'Re-upload', exact: true }).click();
    await (await chooser).setFiles({ name: 'x.png', mimeType: 'image/png', buffer: await png(60, 45) });
    const replace = page.getByRole('dialog', { name: 'Replace this file?' });
    await replace.getByRole('button', { name: 'Upload' }).click();
    await expect(replace).toBeHidden();
    await expect(panel.getByTestId('panel-dimensions')).toHaveText('60 × 45');

    await panel.getByRole('button', { name: 'Delete', exact: true }).click();
    await page
      .getByRole('dialog', { name: /^Delete / })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect(panel).toHaveCount(0);

    const events = await next(start, 4);
    expectSigned(events);
    expect(events.map((e) => `${e.type} ${JSON.stringify(e.json.new)}`)).toEqual([
      `media.edit ${JSON.stringify({ url: m.url.replace(/[^/]+$/, renamed), width: 30, height: 30 })}`,
      `media.edit ${JSON.stringify({
        url: m.url.replace(/[^/]+$/, renamed),
        width: 30,
        height: 30,
        alt: 'Set in the browser',
      })}`,
      `media.edit ${JSON.stringify({ url: m.url.replace(/[^/]+$/, renamed), width: 60, height: 45 })}`,
      'media.delete null',
    ]);
    const actors = data().query<{ operation: string; actor_name: string; actor_type: string }>(
      'select operation, actor_name, actor_type from audit_log where media_id = ? and operation <> ? order by id',
      m.id,
      'upload',
    );
    expect(actors).toEqual(
      ['rename', 'alt', 'reupload', 'delete'].map((operation) => ({
        operation,
        actor_name: 'Administrator',
        actor_type: 'member',
      })),
    );
  } finally {
    await context.close();
  }
});

test(
  'a receiver answering 500 twice then 200 gets the event ' +
    'three times with one event id; every attempt is recorded',
  async () => {
    const start = receiver.received.length;
    receiver.respond(500, { times: 2 });
    const m = await upload(uniqueName('retried', 'png'), await png(10, 10));
    const events = await next(start, 3);
    expect(events.map((e) => e.id)).toEqual([events[0].id, events[0].id, events[0].id]);
    expect(events.map((e) => e.body)).toEqual([events[0].body, events[0].body, events[0].body]);
    expect(events[0].json.new).toMatchObject({ url: m.url });
    await expect
      .poll(() =>
        data().query<{ state: string; attempts: number }>(
          'select state, attempts from deliveries where event_id = ?',
          events[0].id,
        ),
      )
      .toEqual([{ state: 'delivered', attempts: 3 }]);
    const attempts = data().query<{ status: number; error: string | null }>(
      'select a.status, a.error from delivery_attempts a join deliveries ' +
        'd on d.id = a.delivery_id where d.event_id = ? order by a.id',
      events[0].id,
    );
    expect(attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    expect(attempts[0].error).toMatch(/^HTTP 500/);
  },
);

test(
  'a target that never answers does not hold up uploads: ' + 'each returns while its delivery is still waiting',
  async () => {
    const start = receiver.received.length;
    receiver.respond('hang');
    const first = await upload(uniqueName('slow-target', 'png'), await png(10, 10));
    await next(start, 1); // the delivery attempt is now in flight, unanswered
    expect(receiver.received.at(-1)!.answered).toBe('hang');
    // Another upload is not blocked by it either; its event waits its turn (per-target order).
    const second = await upload(uniqueName('slow-target-2', 'png'), await png(10, 10));
    expect(second.id).not.toBe(first.id);
    expect(receiver.received.length).toBe(start + 1);
    const pending = data().query<{ state: string }>(
      'select state from deliveries where id in (select max(id) from deliveries)',
    );
    expect(pending).toEqual([{ state: 'pending' }]);
    // Let the hanging request go: the attempt fails (no answer), the retry delivers both, in order.
    receiver.releaseHanging();
    const later = await next(start + 1, 2);
    expect(later.map((e) => (e.json.new as { url: string }).url)).toEqual([first.url, second.url]);
  },
);

test('no event for a change that was rolled back: a refused delete sends nothing', async () => {
  const m = await upload(uniqueName('kept', 'png'), await png(10, 10));
  createApi(server.dataDir, 'posts', [
    { id: 'title', name: 'Title', kind: 'text' },
    { id: 'eyecatch', name: 'Eyecatch', kind: 'image' },
  ]);
  expect((await call('POST', '/api/v1/posts', { title: 'uses it', eyecatch: m.url })).status).toBe(201);
  const eventsBefore = data().query<{ n: number }>('select count(*) n from events')[0].n;
  const refused = await call('DELETE', `/api/v2/media?url=${encodeURIComponent(m.url)}`);
  expect(refused.status).toBe(400);
  expect(data().query<{ n: number }>('select count(*) n from events')[0].n).toBe(eventsBefore);
  expect(data().query('select 1 from audit_log where media_id = ? and operation = ?', m.id, 'delete')).toEqual([]);
});

test(
  'an event pending when the server is killed (SIGKILL) ' + 'is delivered after the restart, once it is answered',
  async () => {
    const start = receiver.received.length;
    const refuse = receiver.respond(503, { times: Infinity });
    const m = await upload(uniqueName('survivor', 'png'), await png(10, 10));
    await next(start, 1); // attempted at least once, refused
    await server.kill('SIGKILL');
    refuse(); // from now on the receiver answers 200
    const beforeRestart = receiver.received.length;
    await server.start();
    const [delivered] = await next(beforeRestart, 1);
    expect(delivered.id).toBe(received()[start].id);
    expect(delivered.json.new).toMatchObject({ url: m.url });
    await expect
      .poll(() => data().query<{ state: string }>('select state from deliveries where event_id = ?', delivered.id))
      .toEqual([{ state: 'delivered' }]);
  },
);

async function logIn(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(E2E.adminEmail);
  await page.getByLabel('Password').fill(E2E.adminPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/media$/);
}
