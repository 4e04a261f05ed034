import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E, testPort } from '../support/env';
import { noise } from '../support/images';
import { KuraServer } from '../support/kura-server';
import { keyHeader, png, type MediaRecord } from '../support/media';
import { createApi } from '../support/seed';
import { smallDisk } from '../support/small-disk';
import { testDatabaseUrl } from '../support/test-database.mjs';
import { logInAs } from '../ui/settings-helpers';

// A data directory on a 48 MB file system of its own. On npm test's PostgreSQL pass the database lives elsewhere,
// so there a full disk is only the storage directory's: the cases that write nothing but rows (rename, content
// save) can only fail on SQLite, whose database shares the disk, and are checked there alone.
test.describe.configure({ mode: 'serial' });

const DISK = 48 * 1024 * 1024;
const RESERVE = 2 * 1024 * 1024;
const FULL = /^The server's storage is full/;
const disk = smallDisk(DISK);
const dataDir = path.join(disk.dir, 'data');
const onSqlite = !testDatabaseUrl(dataDir);
let server: KuraServer;

test.skip(!!disk.why, disk.why ?? '');

test.beforeAll(async () => {
  disk.mount();
  server = new KuraServer(dataDir, testPort(3361), {
    KURA_MIN_FREE_BYTES: String(RESERVE),
    KURA_MAX_UPLOAD_BYTES: String(200 * 1024 * 1024),
    KURA_SWEEP_EVERY_MS: '500',
  });
  await server.start();
});

test.afterAll(async () => {
  await server?.kill('SIGTERM');
  disk.unmount();
});

const data = () => inspect(dataDir);

function expectNothingLeft(names: string[]) {
  const d = data();
  expect(d.temps()).toEqual([]);
  expect(d.journal()).toEqual([]);
  for (const name of names) expect(d.mediaNamed(name)).toEqual([]);
}

async function upload(name: string, bytes: Buffer) {
  const body = new FormData();
  body.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${server.baseURL}/api/v1/media`, { method: 'POST', headers: keyHeader, body });
  return { status: res.status, body: (await res.json()) as MediaRecord & { message?: string } };
}

const rename = (id: string, fileName: string) =>
  fetch(`${server.baseURL}/api/v1/media/${id}`, {
    method: 'PATCH',
    headers: { ...keyHeader, 'Content-Type': 'application/json' },
    body: JSON.stringify({ fileName }),
  });

test('an upload declared larger than the free space gets 507 before its body is read', async () => {
  // Headers and the first bytes only: an answer can only come if Kura refused without waiting for the rest.
  const declared = 60 * 1024 * 1024;
  const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      path: '/api/v1/media',
      headers: {
        ...keyHeader,
        'Content-Type': 'multipart/form-data; boundary=kura',
        'Content-Length': String(declared),
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d));
      res.on('end', () => {
        resolve({ status: res.statusCode!, text });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.write('--kura\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n\r\n');
    req.write(Buffer.alloc(1024, 1));
  });
  expect(answer.status).toBe(507);
  expect(JSON.parse(answer.text).message).toMatch(FULL);
  expect(JSON.parse(answer.text).message).toContain('60 MB');
  expectNothingLeft(['big.bin']);
});

test(
  'a disk filled by other bytes: upload, rename and content save answer 507; ' +
    'reads go on; after freeing space all succeed',
  async ({ browser }) => {
    test.setTimeout(120_000);
    const before = await upload('kept.png', await png(40, 30));
    expect(before.status).toBe(201);
    const apiId = createApi(dataDir, 'notes', [{ id: 'title', name: 'Title', kind: 'text' }]);
    expect(apiId).toBeTruthy();
    const save = (title: string) =>
      fetch(`${server.baseURL}/api/v1/notes`, {
        method: 'POST',
        headers: { ...keyHeader, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title }),
      });
    if (onSqlite) {
      // Every page the next write needs must be new: the log is emptied, so the disk alone decides.
      const db = new Database(path.join(dataDir, 'kura.db'));
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    }
    // Logged in before the disk fills (a login writes its session row, which a full disk refuses too).
    const page = await logInAs(browser, E2E.adminEmail, E2E.adminPassword, server.baseURL);
    disk.fill();
    try {
      const small = await upload('small.txt', Buffer.from('hello, full disk'));
      expect(small.status).toBe(507);
      expect(small.body.message).toMatch(FULL);
      if (onSqlite) {
        const renamed = await rename(before.body.id, 'renamed.png');
        expect(renamed.status).toBe(507);
        expect(((await renamed.json()) as { message: string }).message).toMatch(FULL);
        const saved = await save('on a full disk');
        expect(saved.status).toBe(507);
        expect(((await saved.json()) as { message: string }).message).toMatch(FULL);
      }
      // Health says so, with the free bytes.
      const health = (await (await fetch(`${server.baseURL}/api/health`)).json()) as {
        freeBytes: number;
        warning?: string;
      };
      expect(health.freeBytes).toBeLessThan(RESERVE);
      // What an editor sees: the upload list names the reason on the file's row, and so does the rename dialog.
      try {
        await page.goto('/media');
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: 'Upload', exact: true }).click();
        await (await chooser).setFiles({ name: 'from-browser.png', mimeType: 'image/png', buffer: await png(30, 20) });
        const row = page.getByRole('listitem', { name: 'Upload of from-browser.png' });
        await expect(row).toHaveAttribute('data-upload-status', 'failed');
        await expect(row).toContainText("The server's storage is full");
        await page.screenshot({ path: 'tests/.tmp/shots/disk-full-upload.png' });
        if (onSqlite) {
          await page.goto(`/media?selected=${before.body.id}`);
          const panel = page.getByRole('complementary', { name: 'Media details' });
          await panel.getByRole('button', { name: 'Rename', exact: true }).click();
          const dialog = page.getByRole('dialog', { name: 'Rename file' });
          await dialog.getByRole('textbox', { name: 'File name', exact: true }).fill('renamed-in-browser.png');
          await dialog.getByRole('button', { name: 'Save' }).click();
          await expect(dialog.getByRole('alert')).toContainText("The server's storage is full");
          await page.screenshot({ path: 'tests/.tmp/shots/disk-full-rename.png' });
        }
      } finally {
        await page.context().close();
      }
      expect(health.warning).toMatch(/^Only .+ free in the data directory .+; uploads are refused/);
      // The library stays readable: the list, the record and the file itself.
      const list = await fetch(`${server.baseURL}/api/v1/media?limit=10`, { headers: keyHeader });
      expect(list.status).toBe(200);
      const original = await fetch(before.body.url);
      expect(original.status).toBe(200);
      expect(Buffer.from(await original.arrayBuffer()).length).toBe(before.body.size);
    } finally {
      disk.unfill();
    }
    expect(await (await fetch(`${server.baseURL}/api/health`)).json()).not.toHaveProperty('warning');
    const small = await upload('small.txt', Buffer.from('hello, room again'));
    expect(small.status).toBe(201);
    const renamed = await rename(before.body.id, 'renamed.png');
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as MediaRecord).fileName).toBe('renamed.png');
    expect((await save('after freeing space')).status).toBe(201);
    await expect.poll(() => data().journal()).toEqual([]);
    expect(data().temps()).toEqual([]);
    expect(data().mediaNamed('small.txt')).toHaveLength(1);
    if (onSqlite) {
      const titles = data().query<{ n: number }>('select count(*) as n from contents where api_id = ?', apiId)[0];
      expect(Number(titles.n)).toBe(1);
    }
  },
);

test('the variant cache yields its space before an upload is refused', async () => {
  test.setTimeout(120_000);
  const source = await upload('busy.png', await noise(900, 900).png().toBuffer());
  expect(source.status).toBe(201);
  const variants = path.join(dataDir, 'cache', 'variants');
  const cached = () =>
    fs.existsSync(variants)
      ? fs.readdirSync(variants, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
      : 0;
  for (let w = 600; w < 900; w += 30) {
    const res = await fetch(`${source.body.url}?w=${w}&fm=png`);
    expect(res.status).toBe(200);
  }
  await expect.poll(cached).toBe(10);
  const cacheBytes = fs
    .readdirSync(variants, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + fs.statSync(path.join(e.parentPath, e.name)).blocks * 512, 0);
  // Leave room for only a third of the next upload beyond the reserve: the cache must give the rest.
  const size = Math.floor(cacheBytes / 2);
  disk.fill(RESERVE + Math.floor(size / 3));
  try {
    const fits = await upload('needs-the-cache.bin', Buffer.alloc(size, 5));
    expect(fits.status, fits.body.message).toBe(201);
    expect(cached()).toBeLessThan(10);
    expect(cached()).toBeGreaterThan(0); // only what was needed
  } finally {
    disk.unfill();
  }
  expectNothingLeft([]);
  // An evicted variant is only rendered again.
  expect((await fetch(`${source.body.url}?w=600&fm=png`)).status).toBe(200);
});
