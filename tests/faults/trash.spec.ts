import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { png, uniqueName, type MediaRecord } from '../support/media';
import { startReceiver, type Receiver } from '../support/receiver';
import { withTestDb } from '../support/sql';

// A server of its own: Trash kept for a few seconds (KURA_TRASH_DAYS), two versions per media (KURA_KEEP_VERSIONS), a
// sweeper every second, and a media webhook whose every event is this file's to count.
test.describe.configure({ mode: 'serial' });

const key = { 'X-MICROCMS-API-KEY': E2E.apiKey };
const RETENTION_DAYS = 0.0001; // 8.64 s

let receiver: Receiver;
let server: KuraServer;
const data = () => inspect(server.dataDir);

test.beforeAll(async () => {
  receiver = await startReceiver();
  server = new KuraServer(path.join(__dirname, '../.tmp/trash-data'), testPort(3417), {
    KURA_TRASH_DAYS: String(RETENTION_DAYS),
    KURA_SWEEP_EVERY_MS: '1000',
    KURA_KEEP_VERSIONS: '2',
    KURA_MEDIA_WEBHOOK_URL: receiver.url,
    KURA_WEBHOOK_SECRET: 'kura-trash-test-secret-0123456789',
  });
  fs.rmSync(server.dataDir, { recursive: true, force: true });
  await server.start();
});
test.afterAll(async () => {
  await server?.kill('SIGTERM');
  await receiver?.close();
});

async function upload(): Promise<MediaRecord> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await png(20, 20))], { type: 'image/png' }), uniqueName('kept', 'png'));
  const res = await fetch(`${server.baseURL}/api/v1/media`, { method: 'POST', headers: key, body: form });
  expect(res.status).toBe(201);
  return (await res.json()) as MediaRecord;
}
const api = (method: string, url: string) => fetch(`${server.baseURL}${url}`, { method, headers: key });
const objectOf = (id: string) => {
  const [row] = data().query<{ storage_key: string }>('select storage_key from media where id = ?', id);
  return path.join(server.dataDir, 'media/objects', row.storage_key);
};
/** The webhook events received so far, as `type id`. */
const events = () =>
  receiver.received.map((r) => {
    const body = JSON.parse(r.body) as { type: string; old?: { url: string } | null; new?: { url: string } | null };
    return `${body.type} ${(body.new ?? body.old)!.url}`;
  });

test('webhooks: `delete` when trashed, `new` on restore, nothing on purge', async () => {
  const m = await upload();
  await expect.poll(events, { timeout: 20_000 }).toEqual([`new ${m.url}`]);
  expect((await api('DELETE', `/api/v2/media?url=${encodeURIComponent(m.url)}`)).status).toBe(200);
  expect((await api('POST', `/api/v1/media/trash/${m.id}/restore`)).status).toBe(200);
  await expect.poll(events, { timeout: 20_000 }).toEqual([`new ${m.url}`, `delete ${m.url}`, `new ${m.url}`]);

  const doomed = await upload();
  expect((await api('DELETE', `/api/v1/media/${doomed.id}`)).status).toBe(200);
  await expect
    .poll(() => data().query('select media_id from media_trash where media_id = ?', doomed.id).length, {
      timeout: 60_000,
    })
    .toBe(0);
  // One more event after the purge: it comes right after the trash's `delete`, so the purge sent nothing.
  const last = await upload();
  await expect
    .poll(events, { timeout: 20_000 })
    .toEqual([
      `new ${m.url}`,
      `delete ${m.url}`,
      `new ${m.url}`,
      `new ${doomed.url}`,
      `delete ${doomed.url}`,
      `new ${last.url}`,
    ]);
});

test('the sweeper purges Trash after KURA_TRASH_DAYS: row and bytes gone; restored media stays', async () => {
  const [doomed, restored] = [await upload(), await upload()];
  const [doomedFile, restoredFile] = [objectOf(doomed.id), objectOf(restored.id)];
  for (const m of [doomed, restored]) expect((await api('DELETE', `/api/v1/media/${m.id}`)).status).toBe(200);
  expect((await api('POST', `/api/v1/media/trash/${restored.id}/restore`)).status).toBe(200);
  // Still in Trash for now, bytes on disk.
  const listed = await (await api('GET', '/api/v1/media/trash?limit=100')).json();
  expect(listed.items.map((i: { id: string }) => i.id)).toContain(doomed.id);
  expect(fs.existsSync(doomedFile)).toBe(true);

  await expect.poll(() => fs.existsSync(doomedFile), { timeout: 60_000 }).toBe(false);
  const after = await (await api('GET', '/api/v1/media/trash?limit=100')).json();
  expect(after.items.map((i: { id: string }) => i.id)).not.toContain(doomed.id);
  expect((await api('POST', `/api/v1/media/trash/${doomed.id}/restore`)).status).toBe(404);
  expect(data().journal()).toEqual([]);
  // The restored one is back in the library for good.
  expect(fs.existsSync(restoredFile)).toBe(true);
  expect((await fetch(restored.url)).status).toBe(200);
});

test('KURA_KEEP_VERSIONS drops the oldest version and its bytes; kept bytes count in the storage figures', async ({
  page,
}) => {
  const m = await upload();
  const sent: Buffer[] = [];
  for (let i = 0; i < 3; i++) {
    const bytes = await png(21 + i, 20);
    sent.push(bytes);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'next.png');
    const res = await fetch(`${server.baseURL}/api/v1/media/${m.id}/file`, { method: 'PUT', headers: key, body: form });
    expect(res.status).toBe(200);
  }
  const { versions } = await (await api('GET', `/api/v1/media/${m.id}/versions`)).json();
  const etag = (b: Buffer) => `"${createHash('sha256').update(b).digest('hex').slice(0, 32)}"`;
  // Three re-uploads replaced three files; the limit keeps the newest two.
  expect(versions.map((v: { etag: string }) => v.etag)).toEqual([etag(sent[1]), etag(sent[0])]);
  await expect
    .poll(() =>
      data()
        .objects()
        .filter((f) => f.includes(m.id)),
    )
    .toHaveLength(3);
  const kept = data().query<{ bytes: number }>(
    'select sum(size) as bytes from media_versions where media_id = ?',
    m.id,
  )[0].bytes;
  expect(Number(kept)).toBe(sent[0].length + sent[1].length);

  await page.goto(`${server.baseURL}/login`);
  await page.getByLabel('Email').fill(E2E.adminEmail);
  await page.getByLabel('Password').fill(E2E.adminPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/media$/);
  await page.goto(`${server.baseURL}/media/settings/usage`);
  const figure = page.locator('div', { has: page.locator('dt', { hasText: /^Earlier versions$/ }) }).last();
  await expect(figure.locator('dd')).toHaveText(/^2 · /);
});

test('images uploaded before placeholders existed get them from the sweeper, once', async () => {
  const m = await upload();
  const record = async () => (await (await api('GET', `/api/v1/media/${m.id}`)).json()) as Record<string, unknown>;
  const computed = await record();
  expect(computed.blurhash).toEqual(expect.any(String));
  withTestDb(server.dataDir, (db) =>
    db.run('update media set blurhash = null, dominant_color = null, has_alpha = null where id = ?', m.id),
  );
  const older = await record();
  expect(older).not.toHaveProperty('blurhash');
  expect(older).not.toHaveProperty('dominantColor');
  await expect.poll(async () => (await record()).blurhash, { timeout: 30_000 }).toBe(computed.blurhash);
  const filled = await record();
  expect(filled.dominantColor).toBe(computed.dominantColor);
  expect(filled.hasAlpha).toBe(false);
});

test('images uploaded before difference hashes existed get theirs from the sweeper (docs/duplicates.md)', async () => {
  const m = await upload();
  const dhash = () => data().query<{ dhash: string | null }>('select dhash from media where id = ?', m.id)[0].dhash;
  const computed = dhash();
  expect(computed).toMatch(/^[0-9a-f]{16}$/);
  withTestDb(server.dataDir, (db) => db.run('update media set dhash = null where id = ?', m.id));
  // No read of the null here: the sweeper runs every second and may already have put the hash back. If it never
  // does, the poll below sees null until it times out.
  await expect.poll(dhash, { timeout: 30_000 }).toBe(computed);
});
