/**
 * The permission matrix (Kura issue 8). Design, in short (docs/permissions.md has the whole of it):
 *
 * - Rows come from the code: every export of every `'use server'` file and every method of every
 *   route (app/**\/route.ts, pages/api/**), read by tests/support/matrix-discover.ts. Each must have an
 *   entry in tests/support/matrix-table.ts, and each action must be callable (in the build's action
 *   manifest); otherwise the first test fails naming it. So a new action or route cannot be forgotten.
 * - Columns are actors (tests/support/matrix-actors.ts): logged out; members with no right, with each
 *   single right, with each read scope, with a right inside a read scope, with each content right;
 *   the Administrator; API keys with no permission, each single permission, each content permission,
 *   and every permission. Cases on one media item run against media uploaded by the member, by
 *   another member of the same role and by a member of another role; content cases run on an API
 *   the actor holds rights on and on one it holds none on.
 * - Every cell runs on fresh fixtures, one at a time, on a server of its own (so the snapshots see
 *   no one else's writes), and asserts: the expected outcome (allowed / 401 / 403 / 404, or an action's
 *   `ok` and error); when refused, no row of any table and no stored file changed, and no name, id or
 *   alt text the actor may not read is in the answer; out of scope, the answer is exactly that of
 *   nonexistent media; when allowed, the effect.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { ACTORS, type ActorSpec, type Outcome } from '../support/matrix-actors';
import type { LiveActor } from '../support/matrix-case';
import { logIn } from '../support/matrix-client';
import { discoverActions, discoverRoutes, readActionManifest } from '../support/matrix-discover';
import { API_FIELDS, type FixtureBase } from '../support/matrix-fixtures';
import { runCell, targetsOf, timings } from '../support/matrix-run';
import { MatrixDb } from '../support/matrix-seed';
import { StateWatch } from '../support/matrix-state';
import { MATRIX } from '../support/matrix-table';
import { createApi, createApiKey } from '../support/seed';

/**
 * The cells are dealt to this many tests, round-robin by row, each on a server, data dir and port of its
 * own: they run side by side, and each stays well inside its timeout on a slow machine (on PostgreSQL the
 * whole matrix takes over ten minutes there).
 */
const SHARDS = 4;
const PORT = (shard: number) => testPort(3811 + shard);
const AUTH_SECRET = 'permission-matrix-auth-secret-0123456789';
const PASSWORD = 'matrix password 1';
/** Runs only the rows whose key contains this, while working on them (the whole matrix otherwise). */
const ONLY = process.env.KURA_MATRIX_ONLY;

test(
  'every server action and every route has an entry in ' + 'the permission matrix, and every action can be called',
  () => {
    const actions = discoverActions();
    const routes = discoverRoutes();
    const manifest = readActionManifest();
    const inCode = new Set([...actions, ...routes].map((r) => r.key));
    const callable = new Set(manifest.map((a) => a.key));
    const problems = [
      ...[...inCode, ...callable]
        .filter((key) => !MATRIX[key])
        .map((key) => `${key}: no entry in tests/support/matrix-table.ts`),
      ...Object.keys(MATRIX)
        .filter((key) => !inCode.has(key))
        .map((key) => `${key}: has an entry but is not in the code (renamed or removed?)`),
      ...actions.flatMap(({ key }) => {
        const entry = MATRIX[key];
        if (!entry) return [];
        if (!entry.notOnAPage && !callable.has(key))
          return [`${key}: no page uses it, so it cannot be called: remove it, or use it`];
        if (entry.notOnAPage && callable.has(key))
          return [`${key}: a page uses it now: remove its notOnAPage so its cells run`];
        return [];
      }),
    ];
    expect(problems, problems.join('\n')).toEqual([]);
    // The discovery itself works: it finds what we know is there.
    expect(inCode).toContain('action app/(admin)/media/actions.ts#editMediaAction');
    expect(inCode).toContain('PUT /api/v1/media/[id]/file');
    expect(inCode).toContain('GET /api/assets/[service]/[id]/[name]');
  },
);

test.describe('every cell of the permission matrix', () => {
  test.describe.configure({ mode: 'parallel' });
  for (let shard = 0; shard < SHARDS; shard++)
    test(`allowed, or refused without a change or a leak (part ${shard + 1} of ${SHARDS})`, async ({}, testInfo) =>
      runShard(shard, testInfo.outputDir));
});

async function runShard(shard: number, outputDir: string) {
  test.setTimeout(8 * 60_000);
  const dataDir = path.join(outputDir, 'data');
  const server = new KuraServer(dataDir, PORT(shard), { AUTH_SECRET, KURA_MAX_TAGS: '100000' });
  let finished = false;
  await server.start().catch(async (err) => {
    console.log(`--- server output ---\n${server.output}`);
    await server.kill();
    throw err;
  });
  const db = new MatrixDb(dataDir);
  const watch = new StateWatch(dataDir);
  try {
    const started = Date.now();
    const base: FixtureBase = {
      baseURL: server.baseURL,
      serviceId: db.serviceId(),
      adminKey: E2E.apiKey,
      authSecret: AUTH_SECRET,
      db,
      watch,
      strangerId: '',
      apis: {
        granted: { id: createApi(dataDir, 'granted', API_FIELDS), endpoint: 'granted' },
        other: { id: createApi(dataDir, 'other', API_FIELDS), endpoint: 'other' },
      },
      objectApis: {
        granted: {
          id: createApi(dataDir, 'granted-object', API_FIELDS, 'granted-object', 'object'),
          endpoint: 'granted-object',
        },
        other: {
          id: createApi(dataDir, 'other-object', API_FIELDS, 'other-object', 'object'),
          endpoint: 'other-object',
        },
      },
    };
    const actors = await makeActors(base);
    const manifest = new Map(readActionManifest().map((a) => [a.key, a.id]));

    const failures: string[] = [];
    const grid: string[] = [];
    let cells = 0;
    for (const [row, [key, entry]] of Object.entries(MATRIX).entries()) {
      if (row % SHARDS !== shard) continue;
      if (ONLY && !key.includes(ONLY)) continue;
      const isAction = key.startsWith('action ');
      if (isAction && (entry.notOnAPage || !manifest.has(key))) continue; // reported by the first test
      for (const kase of entry.cases) {
        const label = kase.name ? `${key} (${kase.name})` : key;
        const row: string[] = [];
        for (const actor of actors) {
          const marks: string[] = [];
          for (const target of targetsOf(kase, actor)) {
            cells++;
            const expected = kase.expect(actor.spec, target);
            marks.push(MARK[expected]);
            const problems = await runCell(
              base,
              key,
              kase,
              actor,
              target,
              isAction ? manifest.get(key) : undefined,
            ).catch((err: Error) => [`threw: ${err.stack}`]);
            for (const p of problems)
              failures.push(`${label} — ${actor.spec.name}, on ${describeTarget(kase.targets, target)}: ${p}`);
          }
          row.push(marks.join(''));
        }
        grid.push(`${label.padEnd(72)} ${row.join(' ')}`);
      }
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    const report = [
      `${grid.length} rows × ${actors.length} actors = ${cells} cells (with targets) in ${seconds} s ` +
        (`(fixtures ${Math.round(timings.fixtures / 1000)} s, snapshots ` +
          `${Math.round(timings.snapshots / 1000)} s, calls ${Math.round(timings.calls / 1000)} s)`),
      `marks: A allowed, 1 = 401, 3 = 403, 4 = 404; one per target (media of their own, ` +
        `of their role, of another role; the granted API, another); actors in order:`,
      ...actors.map((a, i) => `  ${i + 1}. ${a.spec.name}`),
      ...grid,
    ].join('\n');
    fs.mkdirSync(path.join(__dirname, '../.tmp'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, `../.tmp/permission-matrix-${shard + 1}.txt`), report);
    console.log(report.split('\n')[0]);
    expect(failures, failures.join('\n')).toEqual([]);
    finished = true;
  } finally {
    await watch.close();
    db.close();
    if (!finished) console.log(`--- server output ---\n${server.output.slice(-5000)}`);
    await server.kill('SIGTERM');
  }
}

const MARK: Record<Outcome, string> = { allowed: 'A', unauth: '1', forbidden: '3', hidden: '4' };

const describeTarget = (targets: 'media' | 'api' | undefined, t: { creator: string; api: string }) =>
  targets === 'media'
    ? 'media of ' +
      (t.creator === 'own' ? 'their own' : t.creator === 'peer' ? 'a member of their role' : 'a member of another role')
    : targets === 'api'
      ? `the ${t.api} API`
      : 'its fixtures';

/** Makes every actor for real: a role, a member in it (and a peer in the same role) who logs in; or an API key. */
async function makeActors(base: FixtureBase): Promise<LiveActor[]> {
  const { hash } = await import('@node-rs/argon2');
  const passwordHash = await hash(PASSWORD);
  const { db } = base;
  const granted = base.apis.granted.id;
  const strangerRole = db.createRole({ mediaRead: 'none' });
  base.strangerId = db.createMember({ email: 'stranger@matrix.test', passwordHash, roleIds: [strangerRole] });

  const live: LiveActor[] = [];
  for (const [i, spec] of ACTORS.entries()) {
    if (spec.kind === 'anonymous') live.push({ spec, who: {} });
    else if (spec.kind === 'admin')
      live.push({
        spec,
        who: { cookie: await logIn(base.baseURL, E2E.adminEmail, E2E.adminPassword) },
        memberId: db.memberId(E2E.adminEmail),
      });
    else if (spec.kind === 'member') {
      const role = db.createRole({
        mediaRead: spec.read,
        upload: spec.upload,
        edit: spec.edit,
        delete: spec.delete,
        content: { [granted]: spec.content, [base.objectApis.granted.id]: spec.content },
      });
      const email = `actor${i}@matrix.test`;
      const memberId = db.createMember({ email, passwordHash, roleIds: [role] });
      const peerId = db.createMember({ email: `peer${i}@matrix.test`, passwordHash, roleIds: [role] });
      live.push({ spec, who: { cookie: await logIn(base.baseURL, email, PASSWORD) }, memberId, peerId });
    } else live.push({ spec, who: { key: keyFor(base, spec) } });
  }
  return live;
}

function keyFor(base: FixtureBase, spec: ActorSpec): string {
  if (spec.everywhere) return base.adminKey; // KURA_API_KEY: every permission, on every API
  const rights = {
    media_get: spec.read === 'all',
    media_upload: spec.upload,
    media_edit: spec.edit,
    media_delete: spec.delete,
  };
  const content = Object.fromEntries(spec.content.map((r) => [r, true]));
  const apis = [base.apis.granted.id, base.objectApis.granted.id];
  return createApiKey(
    base.db.dataDir,
    rights,
    spec.content.length ? Object.fromEntries(apis.map((id) => [id, content])) : {},
  );
}
