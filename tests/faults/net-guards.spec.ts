import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { png, uniqueName } from '../support/media';
import { testDatabaseUrl } from '../support/test-database.mjs';

// A server of its own without KURA_ALLOW_PRIVATE_TARGETS (the shared one allows them for its receivers),
// restarted with another KURA_API_KEY; serial because the tests share it.
test.describe.configure({ mode: 'serial' });

const PORT = testPort(3261);
const DATA = path.join(__dirname, '../.tmp/net-guards-data');
const OLD_KEY = 'net-guards-old-key-0123456789abcdef';
const NEW_KEY = 'net-guards-new-key-0123456789abcdef';
const TEN_MB = 10 * 1024 * 1024;

/** A target answering every request with 10 MB, counting how much of it left before the client hung up. */
async function bigAnswerTarget() {
  const state = { requests: 0, written: 0, finished: false };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.requests++;
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': TEN_MB });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const write = () => {
        while (state.written < TEN_MB) {
          state.written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', write);
        }
        res.end(() => (state.finished = true));
      };
      write();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    state,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => new Promise((r) => server.close(r)),
  };
}

let target: Awaited<ReturnType<typeof bigAnswerTarget>>;
let server: KuraServer;
const guarded = (apiKey: string) =>
  new KuraServer(DATA, PORT, {
    KURA_ALLOW_PRIVATE_TARGETS: '0',
    KURA_API_KEY: apiKey,
    KURA_MEDIA_WEBHOOK_URL: target.url,
    KURA_WEBHOOK_SECRET: 'net-guards-webhook-secret-0123',
  });

test.beforeAll(async () => {
  target = await bigAnswerTarget();
  fs.rmSync(DATA, { recursive: true, force: true });
  server = guarded(OLD_KEY);
  await server.start();
});
test.afterAll(async () => {
  await server?.kill('SIGTERM');
  await target.close();
});

async function upload(key: string, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await png(8, 8))]), name);
  return fetch(`${server.baseURL}/api/v1/media`, {
    method: 'POST',
    headers: { 'X-MICROCMS-API-KEY': key },
    body: form,
  });
}

test('the database, the session secret and media are readable by the server user only', async () => {
  expect((await upload(OLD_KEY, uniqueName('private', 'png'))).status).toBe(201);
  const mode = (p: string) => fs.statSync(path.join(DATA, p)).mode & 0o777;
  expect(mode('')).toBe(0o700);
  // On PostgreSQL the database is not a file of the data dir, and AUTH_SECRET comes from the environment.
  const files = testDatabaseUrl(DATA) ? [] : ['kura.db', 'kura.db-wal', 'auth-secret'];
  for (const file of files) expect([file, mode(file)]).toEqual([file, 0o600]);
  const objects = inspect(DATA).objects();
  expect(objects.length).toBeGreaterThan(0);
  for (const object of objects) {
    expect(fs.statSync(object).mode & 0o777).toBe(0o600);
    for (let dir = path.dirname(object); dir.startsWith(path.join(DATA, 'media')); dir = path.dirname(dir))
      expect([dir, fs.statSync(dir).mode & 0o777]).toEqual([dir, 0o700]);
  }
});

test('an answer of 10 MB from a webhook target is read up to 64 KB and the connection dropped', async () => {
  // The environment's webhook is the operator's own and may point at 127.0.0.1; the upload above fired it.
  await expect.poll(() => target.state.requests, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  await expect
    .poll(() => inspect(DATA).query<{ status: number }>('select status from delivery_attempts').length, {
      timeout: 20_000,
    })
    .toBeGreaterThanOrEqual(1);
  expect(inspect(DATA).query<{ status: number }>('select status from delivery_attempts')[0].status).toBe(200);
  await new Promise((r) => setTimeout(r, 500)); // let the target notice the hang-up
  expect(target.state.finished).toBe(false);
  expect(target.state.written).toBeLessThan(TEN_MB);
});

test('a webhook URL entered in the UI may not point at 169.254.169.254 or 127.0.0.1', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.baseURL });
  const page = await context.newPage();
  try {
    await page.goto('/login');
    await page.getByLabel('Email').fill(E2E.adminEmail);
    await page.getByLabel('Password').fill(E2E.adminPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page).toHaveURL(/\/media$/);
    await page.goto('/media/settings');
    const section = page.getByRole('region', { name: 'Webhooks' });
    for (const [url, words] of [
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254, a link-local address'],
      [target.url, '127.0.0.1, a loopback address'],
      ['http://[::ffff:127.0.0.1]:9/', 'a loopback address'],
    ]) {
      await section.getByRole('button', { name: 'Add webhook' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add webhook' });
      await dialog.getByLabel('Name', { exact: true }).fill('internal');
      await dialog.getByLabel('URL', { exact: true }).fill(url);
      await dialog.getByRole('button', { name: 'Generate' }).click();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(dialog).toContainText(words);
      await expect(dialog).toContainText('KURA_ALLOW_PRIVATE_TARGETS=1');
      await page.screenshot({
        path: test.info().outputPath(`refused-${words.split(',')[0].replace(/\W+/g, '-')}.png`),
      });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    }
    expect(inspect(DATA).query("select url from webhooks where source = 'settings'")).toEqual([]);
  } finally {
    await context.close();
  }
});

test(
  'restarted with another KURA_API_KEY: the old key is ' + 'refused, the new one works; previews show 4 characters',
  async () => {
    expect((await fetch(`${server.baseURL}/api/v1/media`, { headers: { 'X-MICROCMS-API-KEY': OLD_KEY } })).status).toBe(
      200,
    );
    await server.kill('SIGTERM');
    server = guarded(NEW_KEY);
    await server.start();
    expect((await fetch(`${server.baseURL}/api/v1/media`, { headers: { 'X-MICROCMS-API-KEY': OLD_KEY } })).status).toBe(
      401,
    );
    expect((await upload(OLD_KEY, uniqueName('old key', 'png'))).status).toBe(401);
    expect((await fetch(`${server.baseURL}/api/v1/media`, { headers: { 'X-MICROCMS-API-KEY': NEW_KEY } })).status).toBe(
      200,
    );
    const keys = inspect(DATA).query<{ key_preview: string; revoked: number }>(
      'select key_preview, revoked_at is not null as revoked from api_keys order by created_at',
    );
    expect(keys).toEqual([
      { key_preview: OLD_KEY.slice(0, 4), revoked: 1 },
      { key_preview: NEW_KEY.slice(0, 4), revoked: 0 },
    ]);
  },
);
