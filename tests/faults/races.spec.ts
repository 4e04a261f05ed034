import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { callAction, callRoute, logIn, type Answer, type Credentials } from '../support/matrix-client';
import { readActionManifest } from '../support/matrix-discover';
import { png, uniqueName } from '../support/media';
import { createApi } from '../support/seed';
import { withTestDb } from '../support/sql';

// Invariants over several rows, under requests that arrive at the same moment. On SQLite one writer judges
// them one after the other; on PostgreSQL (npm test runs this file there too) the row and named locks of
// db/locks.ts must do the same under READ COMMITTED. Each case fails there without its lock.

const MAX_TAGS = 12;
const MAX_TAGS_PER_MEDIA = 3;
const MAX_VARIANTS = 5;
const server = new KuraServer(path.join(__dirname, '../.tmp/races-data'), testPort(3262), {
  KURA_MAX_TAGS: String(MAX_TAGS),
  KURA_MAX_TAGS_PER_MEDIA: String(MAX_TAGS_PER_MEDIA),
  KURA_MAX_VARIANTS_PER_MEDIA: String(MAX_VARIANTS),
});
const data = inspect(server.dataDir);
const key: Credentials = { key: E2E.apiKey };
let admin: Credentials;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  fs.rmSync(server.dataDir, { recursive: true, force: true }); // a fresh service (and database) each run
  await server.start();
  admin = { cookie: await logIn(server.baseURL, E2E.adminEmail, E2E.adminPassword) };
});
test.afterAll(async () => await server.kill('SIGTERM'));

function action(file: string, name: string) {
  const found = readActionManifest().find((a) => a.file === file && a.name === name);
  if (!found) throw new Error(`no server action ${file}#${name} in the build`);
  return (input: unknown, who: Credentials) => callAction(server.baseURL, found.id, input, who);
}
const addMember = action('app/(admin)/settings/actions.ts', 'addMemberAction');
const removeMember = action('app/(admin)/settings/actions.ts', 'removeMemberAction');
const bulkEdit = action('app/(admin)/media/actions.ts', 'bulkEditMediaAction');

const upload = async (stem: string) => {
  const answer = await callRoute(
    server.baseURL,
    {
      path: '/api/v1/media',
      method: 'POST',
      file: { name: uniqueName(stem, 'png'), bytes: await png(8, 8), type: 'image/png' },
    },
    key,
  );
  expect(answer.status, answer.text).toBe(201);
  return JSON.parse(answer.text) as { id: string; url: string; fileName: string };
};
const patchMedia = (id: string, changes: unknown) =>
  callRoute(server.baseURL, { path: `/api/v1/media/${id}`, method: 'PATCH', json: changes }, key);
const ok = (a: Answer) => a.result?.ok === true;
const administrators = () =>
  data.query<{ email: string }>(
    'select m.email from members m join member_roles mr on mr.member_id = m.id ' +
      "join roles r on r.id = mr.role_id where r.builtin = 'administrator' order by m.email",
  );

test('two Administrators removing each other at the same moment leave one, every round (20 rounds)', async () => {
  test.setTimeout(240_000);
  const adminRole = data.query<{ id: string }>("select id from roles where builtin = 'administrator'")[0].id;
  let survivor: { email: string; who: Credentials } = { email: E2E.adminEmail, who: admin };
  for (let round = 0; round < 20; round++) {
    const email = `rival-${round}@kura.test`;
    const password = `rival password ${round}`;
    const added = await addMember({ email, name: `Rival ${round}`, password, roleIds: [adminRole] }, survivor.who);
    expect(added.result, added.text).toMatchObject({ ok: true });
    const rival = { email, who: { cookie: await logIn(server.baseURL, email, password) } };
    const ids = Object.fromEntries(
      data.query<{ id: string; email: string }>('select id, email from members').map((m) => [m.email, m.id]),
    );
    const [a, b] = await Promise.all([
      removeMember({ id: ids[rival.email] }, survivor.who),
      removeMember({ id: ids[survivor.email] }, rival.who),
    ]);
    expect([a.status, b.status], `round ${round}`).toEqual([200, 200]);
    expect([ok(a), ok(b)].filter(Boolean), `round ${round}: ${a.text} / ${b.text}`).toHaveLength(1);
    const left = administrators();
    expect(left, `round ${round}`).toHaveLength(1);
    if (ok(b)) survivor = rival;
    expect(left[0].email).toBe(survivor.email);
  }
  admin = survivor.who; // the tests below act as the Administrator left
});

test('new tags added at the same moment never pass the service limit of tags', async () => {
  test.setTimeout(120_000);
  const taken = data.query<{ n: number }>('select count(*) as n from tags')[0].n;
  const room = MAX_TAGS - taken;
  expect(room).toBeGreaterThan(2);
  // Twice as many requests as there is room for, each with a tag of its own, all at once.
  const items = await Promise.all(Array.from({ length: room * 2 }, (_, i) => upload(`tagcap-${i}`)));
  const answers = await Promise.all(items.map((m, i) => patchMedia(m.id, { tags: [`new-tag-${i}`] })));
  for (const a of answers) expect([200, 400], a.text).toContain(a.status);
  expect(answers.filter((a) => a.status === 200)).toHaveLength(room);
  for (const a of answers.filter((a) => a.status === 400))
    expect(JSON.parse(a.text).message).toMatch(new RegExp(`of at most ${MAX_TAGS} tags`));
  expect(data.query<{ n: number }>('select count(*) as n from tags')[0].n).toBe(MAX_TAGS);
});

test('tags added to one media item by several bulk edits at once never pass the limit per media', async () => {
  test.setTimeout(120_000);
  const existing = data.query<{ name: string }>('select name from tags order by name').map((t) => t.name);
  for (let round = 0; round < 5; round++) {
    const m = await upload(`per-media-${round}`);
    // One tag short of the limit, then each of four edits adds another tag at once: one fits.
    expect((await patchMedia(m.id, { tags: existing.slice(0, MAX_TAGS_PER_MEDIA - 1) })).status).toBe(200);
    const adds = existing.slice(MAX_TAGS_PER_MEDIA - 1, MAX_TAGS_PER_MEDIA + 3);
    const answers = await Promise.all(adds.map((t) => bulkEdit({ ids: [m.id], addTags: [t] }, admin)));
    const changed = answers.map((a) => (a.result?.data as { changed: boolean }[] | undefined)?.[0]?.changed);
    expect(
      changed.filter((c) => c === true),
      `round ${round}: ${answers.map((a) => a.text).join(' / ')}`,
    ).toHaveLength(1);
    expect(data.query('select tag_id from media_tags where media_id = ?', m.id)).toHaveLength(MAX_TAGS_PER_MEDIA);
  }
});

test('renames of one media item at the same moment leave its links in content on the name it ends with', async () => {
  test.setTimeout(120_000);
  const endpoint = `race-notes-${Math.random().toString(36).slice(2, 8)}`;
  createApi(server.dataDir, endpoint, [{ id: 'body', name: 'Body', kind: 'richEditor' }]);
  for (let round = 0; round < 5; round++) {
    const m = await upload(`renamed-${round}`);
    const created = await callRoute(
      server.baseURL,
      { path: `/api/v1/${endpoint}`, method: 'POST', json: { body: `<p><img src="${m.url}"></p>` } },
      key,
    );
    expect(created.status, created.text).toBe(201);
    const contentId = JSON.parse(created.text).id as string;
    const answers = await Promise.all(
      Array.from({ length: 4 }, (_, i) => patchMedia(m.id, { fileName: `round-${round}-name-${i}.png` })),
    );
    for (const a of answers) expect(a.status, a.text).toBe(200);
    const final = data.query<{ file_name: string }>('select file_name from media where id = ?', m.id)[0].file_name;
    const item = await callRoute(server.baseURL, { path: `/api/v1/${endpoint}/${contentId}`, method: 'GET' }, key);
    const src = /src="([^"]+)"/.exec(JSON.parse(item.text).body as string)![1];
    expect(decodeURIComponent(new URL(src).pathname).endsWith(`/${final}`), `round ${round}: ${src} vs ${final}`).toBe(
      true,
    );
    const served = await fetch(src);
    expect(served.status, src).toBe(200);
  }
});

test('re-uploads of one media item at the same moment keep each replaced file once, as a version', async () => {
  test.setTimeout(120_000);
  for (let round = 0; round < 3; round++) {
    const m = await upload(`reuploaded-${round}`);
    const answers = await Promise.all(
      Array.from({ length: 4 }, async (_, i) =>
        callRoute(
          server.baseURL,
          {
            path: `/api/v1/media/${m.id}/file`,
            method: 'PUT',
            file: { name: `again-${i}.png`, bytes: await png(9 + i, 9), type: 'image/png' },
          },
          key,
        ),
      ),
    );
    for (const a of answers) expect(a.status, a.text).toBe(200);
    const row = data.query<{ storage_key: string }>('select storage_key from media where id = ?', m.id)[0];
    // Every replaced file is kept once as a version, never twice and never lost: the last one's bytes and the
    // versions' are all that remain.
    const versions = data.query<{ storage_key: string }>(
      'select storage_key from media_versions where media_id = ?',
      m.id,
    );
    expect(versions).toHaveLength(4);
    await expect
      .poll(() =>
        data
          .objects()
          .filter((f) => f.includes(m.id))
          .map((f) => path.basename(f))
          .sort(),
      )
      .toEqual([row, ...versions].map((r) => path.basename(r.storage_key)).sort());
    expect(data.journal().filter((j) => j.key.includes(m.id))).toEqual([]);
  }
});

test('new Image API variants of one media asked for at the same moment never pass the limit per media', async () => {
  test.setTimeout(120_000);
  for (let round = 0; round < 3; round++) {
    const m = await upload(`variants-${round}`);
    const answers = await Promise.all(
      Array.from({ length: MAX_VARIANTS * 3 }, (_, i) => fetch(`${m.url}?w=${i + 2}&fm=png`)),
    );
    const statuses = answers.map((a) => a.status);
    expect(
      statuses.filter((s) => s === 200),
      `round ${round}: ${statuses.join(' ')}`,
    ).toHaveLength(MAX_VARIANTS);
    expect(statuses.filter((s) => s === 429)).toHaveLength(MAX_VARIANTS * 2);
    expect(data.query('select plan_hash from image_variants where media_id = ?', m.id)).toHaveLength(MAX_VARIANTS);
  }
});

test('a variant rendered while its place was reserved is refused and kept nowhere when places ran out', async () => {
  // Far below the bound as last seen here (1 of 5), the next new variant renders while its place is reserved.
  const m = await upload('variants-alongside');
  expect((await fetch(`${m.url}?w=3&fm=png`)).status).toBe(200);
  // Meanwhile another instance takes the other places (its rows, as it writes them).
  const [{ sha256 }] = data.query<{ sha256: string }>('select sha256 from media where id = ?', m.id);
  withTestDb(server.dataDir, (db) =>
    db.batch(
      Array.from({ length: MAX_VARIANTS - 1 }, (_, i) => [
        'insert into image_variants (media_id, sha256, plan_hash) values (?, ?, ?)',
        m.id,
        sha256,
        `elsewhere-${i}`,
      ]),
    ),
  );
  for (let i = 0; i < 2; i++) {
    // Refused, and not answered from memory or disk the second time either.
    const refused = await fetch(`${m.url}?w=4&fm=png`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('kura-cache')).toBeNull();
  }
  expect(data.query('select plan_hash from image_variants where media_id = ?', m.id)).toHaveLength(MAX_VARIANTS);
  expect((await fetch(`${m.url}?w=3&fm=png`)).headers.get('kura-cache')).toBe('hit'); // its own place kept
});
