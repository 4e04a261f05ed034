import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E, serverEnv, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { callAction, logIn, type Credentials } from '../support/matrix-client';
import { readActionManifest } from '../support/matrix-discover';
import { png, uniqueName } from '../support/media';
import { startReceiver, signedWith, type Receiver } from '../support/receiver';
import { S3Server } from '../support/s3-server';
import { createApi } from '../support/seed';
import { resetTestDatabase, testDatabaseUrl } from '../support/test-database.mjs';

// Two Kura instances (one build, two `next start`s on their own ports and data dirs) on one PostgreSQL database
// and one S3 bucket, as behind a load balancer (docs/deploy.md). PostgreSQL only: npm test runs this file on its
// PostgreSQL pass; on SQLite one process owns the database file.
test.skip(!process.env.KURA_TEST_POSTGRES_URL, 'several instances need PostgreSQL (npm test runs this on its pass)');
test.describe.configure({ mode: 'serial' });

const ROOT = path.resolve(__dirname, '../..');
const TMP = path.join(__dirname, '../.tmp/instances');
const SECRET = 'kura-instances-webhook-secret-0123456789';
const AUTH_SECRET = 'kura-instances-auth-secret-0123456789abcdef';
const key = { 'X-MICROCMS-API-KEY': E2E.apiKey };

let s3: S3Server;
let receiver: Receiver;
let a: KuraServer;
let b: KuraServer;
/** The one database both use: the one made for A's data dir. */
const dataA = path.join(TMP, 'a');
const data = inspect(dataA);

function instance(name: 'a' | 'b', port: number): KuraServer {
  return new KuraServer(path.join(TMP, name), port, {
    ...s3.env(),
    AUTH_SECRET,
    KURA_DATABASE_URL: testDatabaseUrl(dataA)!,
    KURA_MEDIA_WEBHOOK_URL: receiver.url,
    KURA_WEBHOOK_SECRET: SECRET,
    KURA_SWEEP_EVERY_MS: '1000',
  });
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  fs.rmSync(TMP, { recursive: true, force: true });
  fs.mkdirSync(TMP, { recursive: true });
  resetTestDatabase(dataA); // empty: both instances provision it at the same moment
  fs.mkdirSync(dataA, { recursive: true });
  fs.writeFileSync(path.join(dataA, '.test-database'), '');
  s3 = new S3Server(testPort(3282), path.join(TMP, 's3'));
  await s3.start();
  receiver = await startReceiver();
  a = instance('a', testPort(3283));
  b = instance('b', testPort(3284));
  await Promise.all([a.start(), b.start()]);
});
test.afterAll(async () => {
  await Promise.all([a?.kill('SIGTERM'), b?.kill('SIGTERM')]);
  await receiver?.close();
  await s3?.stop();
});

const health = async (server: KuraServer) =>
  (await (await fetch(`${server.baseURL}/api/health`)).json()) as { instance: string; storage: string };

async function upload(server: KuraServer, bytes: Buffer, name = uniqueName('shared', 'png')) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${server.baseURL}/api/v1/media`, { method: 'POST', headers: key, body: form });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; url: string; fileName: string };
}
const onServer = (server: KuraServer, url: string) => `${server.baseURL}${new URL(url).pathname}`;
const json = (server: KuraServer, method: string, url: string, body?: unknown) =>
  fetch(`${server.baseURL}${url}`, {
    method,
    headers: { ...key, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

test('started together on an empty database: one Administrator, one service id, one env webhook and key', async () => {
  const [ha, hb] = [await health(a), await health(b)];
  expect(ha.instance).not.toBe(hb.instance);
  expect([ha.storage, hb.storage]).toEqual(['s3', 's3']);
  expect(data.query('select email from members')).toEqual([{ email: E2E.adminEmail }]);
  expect(data.query("select key from settings where key = 'service_id'")).toHaveLength(1);
  expect(data.query("select id from webhooks where source = 'env'")).toHaveLength(1);
  expect(data.query("select id from api_keys where name = 'KURA_API_KEY' and revoked_at is null")).toHaveLength(1);
  expect(data.query("select id from roles where builtin = 'administrator'")).toHaveLength(1);
  const live = data.query<{ id: string }>('select id from instances order by id').map((r) => r.id);
  expect(live.sort()).toEqual([ha.instance, hb.instance].sort());
});

test('an upload on A is served by B (whole and by Range); a rename on A is 404/200 on B at once', async () => {
  const bytes = await png(40, 30);
  const m = await upload(a, bytes);
  const whole = await fetch(onServer(b, m.url));
  expect(whole.status).toBe(200);
  expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
  const part = await fetch(onServer(b, m.url), { headers: { Range: 'bytes=0-9' } });
  expect(part.status).toBe(206);
  expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(0, 10))).toBe(true);

  const renamed = await json(a, 'PATCH', `/api/v1/media/${m.id}`, { fileName: 'renamed-on-a.png' });
  expect(renamed.status).toBe(200);
  const url = ((await renamed.json()) as { url: string }).url;
  expect((await fetch(onServer(b, m.url))).status).toBe(404);
  expect((await fetch(onServer(b, url))).status).toBe(200);
});

test('a variant rendered on A is kept in the bucket and served by B from there: same ETag and bytes', async () => {
  const m = await upload(a, await png(300, 200));
  const first = await fetch(`${onServer(a, m.url)}?w=120&fm=webp`);
  expect(first.status).toBe(200);
  expect(first.headers.get('kura-cache')).toBe('miss');
  const bytes = Buffer.from(await first.arrayBuffer());
  const sha = data.query<{ sha256: string }>('select sha256 from media where id = ?', m.id)[0].sha256;
  const inBucket = async () =>
    (await s3.objects()).filter((o) => o.key.includes(`variants/${sha.slice(0, 2)}/${sha}/`));
  await expect.poll(async () => (await inBucket()).length).toBe(1);
  const second = await fetch(`${onServer(b, m.url)}?w=120&fm=webp`);
  expect(second.status).toBe(200);
  expect(second.headers.get('kura-cache')).toBe('hit'); // B never rendered it
  expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
  expect(Buffer.from(await second.arrayBuffer()).equals(bytes)).toBe(true);
  // Deleting the media permanently removes its variants from the bucket too.
  const removed = await fetch(`${a.baseURL}/api/v2/media?url=${encodeURIComponent(m.url)}&permanent=true`, {
    method: 'DELETE',
    headers: key,
  });
  expect(removed.status).toBe(200);
  await expect.poll(async () => (await inBucket()).length, { timeout: 20_000 }).toBe(0);
});

test('"delete media on A" against "save content using it on B", 50 rounds: never both, never a 5xx', async () => {
  test.setTimeout(180_000);
  const endpoint = `shared-${Math.random().toString(36).slice(2, 8)}`;
  createApi(dataA, endpoint, [{ id: 'cover', name: 'Cover', kind: 'image' }]);
  let contentWon = 0;
  for (let round = 0; round < 50; round++) {
    const m = await upload(a, await png(8, 8));
    const remove = () =>
      fetch(`${a.baseURL}/api/v2/media?url=${encodeURIComponent(m.url)}`, { method: 'DELETE', headers: key });
    const save = () => json(b, 'POST', `/api/v1/${endpoint}`, { cover: m.url });
    const [deleted, saved] =
      round % 2 ? await Promise.all([remove(), save()]) : (await Promise.all([save(), remove()])).reverse();
    expect(deleted.status, `round ${round}`).toBeLessThan(500);
    expect(saved.status, `round ${round}`).toBeLessThan(500);
    expect(deleted.status === 200 && saved.status === 201, `round ${round}: ${deleted.status} ${saved.status}`).toBe(
      false,
    );
    if (saved.status === 201) contentWon++;
  }
  console.log(`[instances] content first ${contentWon}×, delete first ${50 - contentWon}×`);
});

test('a session from A works on B, and a server action runs on B with it', async () => {
  const cookie = await logIn(a.baseURL, E2E.adminEmail, E2E.adminPassword);
  const page = await fetch(`${b.baseURL}/media`, { headers: { Cookie: cookie }, redirect: 'manual' });
  expect(page.status).toBe(200);
  // Both run the same build: the action id a page from A carries is B's too.
  const html = await (await fetch(`${a.baseURL}/settings/members`, { headers: { Cookie: cookie } })).text();
  expect(html).toContain('Members');
  const listTags = readActionManifest().find((x) => x.name === 'listTagsAction')!;
  const answer = await callAction(b.baseURL, listTags.id, {}, { cookie });
  expect(answer.result, answer.text).toMatchObject({ ok: true });
});

test('two Administrators removed at the same moment on A and B leave one', async () => {
  const admin: Credentials = { cookie: await logIn(a.baseURL, E2E.adminEmail, E2E.adminPassword) };
  const actions = readActionManifest();
  const id = (name: string) => actions.find((x) => x.name === name)!.id;
  const adminRole = data.query<{ id: string }>("select id from roles where builtin = 'administrator'")[0].id;
  for (let round = 0; round < 5; round++) {
    const email = `other-${round}@kura.test`;
    const password = `other admin password ${round}`;
    const added = await callAction(
      a.baseURL,
      id('addMemberAction'),
      { email, name: email, password, roleIds: [adminRole] },
      admin,
    );
    expect(added.result, added.text).toMatchObject({ ok: true });
    const other = { cookie: await logIn(b.baseURL, email, password) };
    const ids = Object.fromEntries(
      data.query<{ id: string; email: string }>('select id, email from members').map((m) => [m.email, m.id]),
    );
    // Each removes the other: A's request on A, B's on B.
    const [x, y] = await Promise.all([
      callAction(a.baseURL, id('removeMemberAction'), { id: ids[email] }, admin),
      callAction(b.baseURL, id('removeMemberAction'), { id: ids[E2E.adminEmail] }, other),
    ]);
    expect([x.result?.ok, y.result?.ok].filter(Boolean), `${x.text} / ${y.text}`).toHaveLength(1);
    const left = data.query<{ email: string }>(
      'select m.email from members m join member_roles mr on mr.member_id = m.id ' +
        "join roles r on r.id = mr.role_id where r.builtin = 'administrator'",
    );
    expect(left).toHaveLength(1);
    if (y.result?.ok) {
      // B's side won: put the first Administrator back for the next round (as the one left).
      const back = await callAction(
        b.baseURL,
        id('addMemberAction'),
        { email: E2E.adminEmail, name: 'Administrator', password: E2E.adminPassword, roleIds: [adminRole] },
        other,
      );
      expect(back.result, back.text).toMatchObject({ ok: true });
      admin.cookie = await logIn(a.baseURL, E2E.adminEmail, E2E.adminPassword);
      const rest = data.query<{ id: string }>('select id from members where email = ?', email)[0].id;
      const removed = await callAction(a.baseURL, id('removeMemberAction'), { id: rest }, admin);
      expect(removed.result, removed.text).toMatchObject({ ok: true });
    }
  }
});

/** The media webhook's requests so far, by event id. */
const hooks = () =>
  receiver.received.map((r) => ({ id: String(r.headers['x-kura-event-id']), signed: signedWith(SECRET, r), r }));

test('100 changes split over A and B reach the webhook once each, in order, also after its sender dies', async () => {
  test.setTimeout(240_000);
  const m = await upload(a, await png(10, 10));
  const settled = () => data.query("select id from deliveries where state = 'pending'").length;
  await expect.poll(settled, { timeout: 30_000 }).toBe(0);
  const before = receiver.received.length;
  for (let i = 0; i < 100; i++) {
    const res = await json(i % 2 ? b : a, 'PATCH', `/api/v1/media/${m.id}`, { alt: `change ${i}` });
    expect(res.status).toBe(200);
  }
  await expect.poll(() => receiver.received.length - before, { timeout: 60_000 }).toBeGreaterThanOrEqual(100);
  const got = hooks().slice(before);
  expect(got).toHaveLength(100);
  expect(new Set(got.map((g) => g.id)).size).toBe(100);
  expect(got.every((g) => g.signed)).toBe(true);
  // In the order of the changes: each body carries the alt text it set.
  expect(got.map((g) => JSON.parse(g.r.body).new.alt)).toEqual(Array.from({ length: 100 }, (_, i) => `change ${i}`));
  // Every attempt recorded once: one attempt row per delivery, all answered 200.
  await expect.poll(settled, { timeout: 30_000 }).toBe(0);
  const attempts = data.query<{ n: number }>('select count(*) as n from delivery_attempts')[0];
  expect(Number(attempts.n)).toBe(receiver.received.length);

  // The receiver stalls; the instance holding the lease is killed while changes keep coming on the other.
  const release = receiver.respond({ status: 200, delayMs: 1500 }, { times: Infinity });
  const changes = Array.from({ length: 10 }, (_, i) => `after kill ${i}`);
  await json(a, 'PATCH', `/api/v1/media/${m.id}`, { alt: changes[0] });
  await json(b, 'PATCH', `/api/v1/media/${m.id}`, { alt: changes[1] });
  await expect.poll(() => data.query('select instance_id from webhook_leases').length, { timeout: 10_000 }).toBe(1);
  const holder = data.query<{ instance_id: string }>('select instance_id from webhook_leases')[0].instance_id;
  const [dead, alive] = (await health(a)).instance === holder ? [a, b] : [b, a];
  await dead.kill();
  release();
  for (const alt of changes.slice(2))
    expect((await json(alive, 'PATCH', `/api/v1/media/${m.id}`, { alt })).status).toBe(200);
  const mark = before + 100;
  await expect
    .poll(
      () => {
        const alts = receiver.received.slice(mark).map((r) => JSON.parse(r.body));
        return changes.every((c) => JSON.stringify(alts).includes(c));
      },
      { timeout: 90_000 },
    )
    .toBe(true);
  const after = hooks().slice(mark);
  const repeats = after.length - new Set(after.map((g) => g.id)).size;
  expect(repeats, 'at most one delivery sent twice (the one in flight when its sender died)').toBeLessThanOrEqual(1);
  await dead.start(); // back for the tests below
});

test('a slow upload on A survives B restarting', async () => {
  test.setTimeout(120_000);
  const bytes = await png(400, 400);
  const boundary = '----kura-slow-upload';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.png"\r\n` +
      'Content-Type: image/png\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.concat([head, bytes, tail]);
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const step = Math.ceil(body.length / 12);
      for (let i = 0; i < body.length; i += step) {
        controller.enqueue(new Uint8Array(body.subarray(i, i + step)));
        await new Promise((r) => setTimeout(r, 800));
      }
      controller.close();
    },
  });
  const pending = fetch(`${a.baseURL}/api/v1/media`, {
    method: 'POST',
    headers: { ...key, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    body: stream,
    duplex: 'half',
  } as RequestInit);
  await new Promise((r) => setTimeout(r, 1500));
  await b.kill();
  await b.start(); // its start sweeps its own leftovers and those of instances gone, not A's upload in flight
  const res = await pending;
  expect(res.status, await res.clone().text()).toBe(201);
  const m = (await res.json()) as { url: string };
  const served = await fetch(onServer(b, m.url));
  expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
});

test('a second instance with local-disk storage refuses to start and says to configure S3', async () => {
  test.setTimeout(120_000);
  // One instance on local disk, on a database of its own.
  const first = new KuraServer(path.join(TMP, 'local-1'), testPort(3285), { AUTH_SECRET });
  await first.start();
  try {
    const dir = path.join(TMP, 'local-2');
    fs.mkdirSync(dir, { recursive: true });
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(testPort(3286)), '-H', '127.0.0.1'],
      {
        cwd: ROOT,
        env: {
          ...serverEnv(dir, testPort(3286)),
          AUTH_SECRET,
          KURA_DATABASE_URL: testDatabaseUrl(first.dataDir)!,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => (child.kill('SIGKILL'), resolve(null)), 60_000);
      child.once('exit', (c) => (clearTimeout(timer), resolve(c)));
    });
    expect(code, output).not.toBe(0);
    expect(code, output).not.toBeNull();
    expect(output).toMatch(/local-disk storage.*configure an S3 bucket/);
  } finally {
    await first.kill('SIGTERM');
  }
});
