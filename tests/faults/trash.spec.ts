import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { png, uniqueName, type MediaRecord } from '../support/media';
import { startReceiver, type Receiver } from '../support/receiver';

// A server of its own: Trash kept for a few seconds (KURA_TRASH_DAYS), a sweeper every second, and a media webhook
// whose every event is this file's to count.
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
