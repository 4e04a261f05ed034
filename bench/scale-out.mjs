// bench/scale-out: PostgreSQL ÷ SQLite, side by side in one run. Two `next start` servers run at once, one on
// SQLite and one on PostgreSQL (KURA_DATABASE_URL), on ports from 6300, and every measurement alternates between
// them request by request (or round by round), so both see the same machine at the same moments.
//   1. The library at each size of BENCH_SCALE_SIZES (default 100000,1000000): data dirs seeded by
//      scripts/seed-bulk.mjs (--shared-files --seed 1: the same media on both databases), kept in bench/.tmp and
//      in PostgreSQL databases kura_bench_<size> between runs. Medians of RUNS requests after one warm-up, logged
//      in: /media (whole response and TTFB), /media?q=river-sun, /media?kind=image&tag=press, and
//      GET /api/v2/media?limit=100 walked by token for V2_PAGES pages. Beside each, the same SQL as the page
//      runs, sent straight to each database from this process ("sql"), so server time can be told from SQL time.
//                                                                      goal: p50 < 100 ms each, both, every size
//   2. Operations on fresh, empty servers (bench/.tmp/scale-ops-*, database kura_bench_ops, removed after): p50 of
//      small image uploads through POST /api/v1/media; guarded deletes of those (unreferenced) media through
//      DELETE /api/v2/media?url=…, DELETE_CONCURRENCY in flight, deletes per second; webhook backlog drain:
//      EVENTS alt-text changes made while the one webhook's target is unreachable, events per second to a
//      receiver in this process once it answers (as bench/webhooks.mjs).
// Every figure is reported for both databases and as the ratio PostgreSQL ÷ SQLite (> 1: PostgreSQL slower,
// for times; for rates the ratio is of rates, so > 1 means PostgreSQL faster).
// Run alone: node bench/scale-out.mjs   Knobs: BENCH_SCALE_SIZES, BENCH_SCALE_RUNS (15), BENCH_SCALE_V2_PAGES (300),
// BENCH_SCALE_PARTS (library,ops), BENCH_SCALE_UPLOADS (100), BENCH_SCALE_EVENTS (500), BENCH_SCALE_PORT (6300),
// BENCH_POSTGRES_URL (postgres://kura:kura@127.0.0.1:5432/postgres: a role that may create databases).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import sharp from 'sharp';
import { API_KEY, logIn, requireBuild, startKura } from './lib/kura-server.mjs';
import { cpuMeter } from './lib/proc.mjs';
import { ROOT, TMP, runIfMain, stopProcess } from './lib/processes.mjs';
import { median } from './lib/stats.mjs';

export const name = 'scale-out';

const env = process.env;
const SIZES = (env.BENCH_SCALE_SIZES || '100000,1000000').split(',').map(Number);
const RUNS = Math.max(3, Number(env.BENCH_SCALE_RUNS || 15));
const V2_PAGES = Math.max(10, Number(env.BENCH_SCALE_V2_PAGES || 300));
const PARTS = (env.BENCH_SCALE_PARTS || 'library,ops').split(',');
const UPLOADS = Math.max(10, Number(env.BENCH_SCALE_UPLOADS || 100));
const EVENTS = Math.max(10, Number(env.BENCH_SCALE_EVENTS || 500));
const DELETE_CONCURRENCY = 4;
const ROUNDS = 5; // uploads and deletes come in this many rounds per side, alternating sides
const PORT = Number(env.BENCH_SCALE_PORT || 6300);
const POSTGRES = env.BENCH_POSTGRES_URL || 'postgres://kura:kura@127.0.0.1:5432/postgres';
const ADMIN = { email: 'bench@kura.test', password: 'bench password 123' };
const SECRET = 'kura-bench-webhook-secret-0123456789';
const SIDES = ['sqlite', 'postgres'];

const ms = (x) => `${x.toFixed(1)} ms`;
const ratio = (pgValue, sqliteValue) => (pgValue / sqliteValue).toFixed(2);
const databaseUrl = (database) => Object.assign(new URL(POSTGRES), { pathname: `/${database}` }).toString();

async function onMaintenance(fn) {
  const client = new pg.Client({ connectionString: POSTGRES });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
const recreateDatabase = (database) =>
  onMaintenance(async (c) => {
    await c.query(`drop database if exists ${database} with (force)`);
    await c.query(`create database ${database}`);
  });
const databaseExists = (database) =>
  onMaintenance(async (c) => (await c.query('select 1 from pg_database where datname = $1', [database])).rowCount > 0);

function seed(count, dir, extra = []) {
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'scripts/seed-bulk.mjs'),
      String(count),
      '--data-dir',
      dir,
      '--shared-files',
      '--seed',
      '1',
      ...extra,
    ],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error('seeding failed');
}

/** The data dirs (and database) of one size, seeded once and kept: a marker says the seed finished. */
async function seeded(count, log) {
  const sqliteDir = path.join(TMP, `scale-sqlite-${count}`);
  const pgDir = path.join(TMP, `scale-pg-${count}`);
  const database = `kura_bench_${count}`;
  if (!fs.existsSync(path.join(sqliteDir, `seeded-${count}`))) {
    fs.rmSync(sqliteDir, { recursive: true, force: true });
    const started = Date.now();
    seed(count, sqliteDir);
    log(`  seeded ${count} media on SQLite in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    fs.writeFileSync(path.join(sqliteDir, `seeded-${count}`), '');
  }
  if (!fs.existsSync(path.join(pgDir, `seeded-${count}`)) || !(await databaseExists(database))) {
    fs.rmSync(pgDir, { recursive: true, force: true });
    await recreateDatabase(database);
    const started = Date.now();
    seed(count, pgDir, ['--database-url', databaseUrl(database)]);
    log(`  seeded ${count} media on PostgreSQL in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    fs.writeFileSync(path.join(pgDir, `seeded-${count}`), '');
  }
  return { sqliteDir, pgDir, database };
}

/** Both servers, on ports PORT and PORT + 1 (PORT + 2 and + 3 for the operations' servers). */
async function startPair(sqliteDir, pgDir, database, { portOffset = 0, env: extra = {} } = {}) {
  const sqlite = await startKura(sqliteDir, { admin: ADMIN, port: PORT + portOffset, env: extra });
  const postgres = await startKura(pgDir, {
    admin: ADMIN,
    port: PORT + portOffset + 1,
    env: { ...extra, KURA_DATABASE_URL: databaseUrl(database) },
  });
  const servers = { sqlite, postgres };
  for (const side of SIDES) servers[side].cookie = await logIn(servers[side].base, ADMIN);
  return { servers, stop: () => Promise.all(SIDES.map((s) => stopProcess(servers[s].child))) };
}

/** Time to first byte and to the whole body of one request, in ms. */
async function timed(url, init = {}) {
  const started = performance.now();
  const res = await fetch(url, { redirect: 'manual', ...init });
  const ttfb = performance.now() - started;
  const body = await res.text();
  if (res.status >= 300) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 200)}`);
  return { ttfb, total: performance.now() - started, body };
}

/** `fn(side, i)` for i = 0..n-1, both sides each time, which goes first taking turns. */
async function alternate(n, fn) {
  for (let i = 0; i < n; i++) for (const side of i % 2 ? [...SIDES].reverse() : SIDES) await fn(side, i);
}

// The SQL each page runs, per engine (lib/media/media-filter.ts, list-media-range.ts, lib/tags/list-tag-names.ts):
// the page, its count (capped at COUNT_AHEAD past the page, lib/media/list-media-page.ts), the tag names.
const ORDER = 'order by created_at desc, id desc';
const PRESS = "mt.tag_id = (select id from tags where name = 'press')";
const TAG_PAGE = `exists (select 1 from media_tags mt where ${PRESS} and mt.media_id = media.id)`;
const TAG_COUNT = `media.id in (select mt.media_id from media_tags mt where ${PRESS})`;
const SEARCH = {
  sqlite:
    'media.id in (select k.media_id from media_search_keys k where k.rowid in ' +
    `(select rowid from media_search where media_search match '"river-sun"'))`,
  postgres: "(file_name ilike '%river-sun%' escape '\\' or alt ilike '%river-sun%' escape '\\')",
};
const TAG_NAMES = 'select name from tags order by name';
const COUNT_AHEAD = 10_000;
const capped = (where) => `select count(*) from (select 1 from media ${where} limit ${COUNT_AHEAD + 1}) counted`;
const pageSql = (side) => ({
  'first page': [`select * from media ${ORDER} limit 50`, capped(''), TAG_NAMES],
  search: [`select * from media where ${SEARCH[side]} ${ORDER} limit 50`, capped(`where ${SEARCH[side]}`), TAG_NAMES],
  'tag + kind': [
    `select * from media where kind = 'image' and ${TAG_PAGE} ${ORDER} limit 50`,
    capped(`where kind = 'image' and ${TAG_COUNT}`),
    TAG_NAMES,
  ],
});
const PAGES = { 'first page': '/media', search: '/media?q=river-sun', 'tag + kind': '/media?kind=image&tag=press' };

/** Runs SQL straight on a database: `time(sqls)` answers the ms the statements took, one after the other. */
function sqlRunner(side, { sqliteDir, database }) {
  if (side === 'sqlite') {
    const file = new Database(path.join(sqliteDir, 'kura.db'), { readonly: true });
    return {
      time: async (sqls) => {
        const t = performance.now();
        for (const s of sqls) file.prepare(s).all();
        return performance.now() - t;
      },
      close: async () => file.close(),
    };
  }
  const pool = new pg.Pool({ connectionString: databaseUrl(database), max: 1 });
  return {
    time: async (sqls) => {
      const t = performance.now();
      for (const s of sqls) await pool.query(s);
      return performance.now() - t;
    },
    close: () => pool.end(),
  };
}

async function measureLibrary(count, log) {
  const where = await seeded(count, log);
  const pair = await startPair(where.sqliteDir, where.pgDir, where.database);
  const runners = { sqlite: sqlRunner('sqlite', where), postgres: sqlRunner('postgres', where) };
  const results = {};
  try {
    const { servers } = pair;
    for (const [label, url] of Object.entries(PAGES)) {
      const samples = { sqlite: { ttfb: [], total: [], sql: [] }, postgres: { ttfb: [], total: [], sql: [] } };
      await alternate(RUNS + 1, async (side, i) => {
        const t = await timed(`${servers[side].base}${url}`, { headers: { Cookie: servers[side].cookie } });
        const q = await runners[side].time(pageSql(side)[label]);
        if (i === 0) return; // warm-up
        samples[side].ttfb.push(t.ttfb);
        samples[side].total.push(t.total);
        samples[side].sql.push(q);
      });
      const row = {};
      for (const side of SIDES)
        row[side] = Object.fromEntries(Object.entries(samples[side]).map(([k, xs]) => [k, median(xs)]));
      results[label] = row;
      log(
        `  ${String(count).padStart(7)}  ${label.padEnd(10)}  ` +
          SIDES.map((s) => `${s} ${ms(row[s].total)} (ttfb ${ms(row[s].ttfb)}, sql ${ms(row[s].sql)})`.padEnd(48)).join(
            '',
          ) +
          `pg ÷ sqlite ${ratio(row.postgres.total, row.sqlite.total)} ` +
          `(ttfb ${ratio(row.postgres.ttfb, row.sqlite.ttfb)})`,
      );
    }
    // v2: each side walks its own token chain, the sides taking turns page by page.
    const token = {};
    const pages = { sqlite: [], postgres: [] };
    await alternate(V2_PAGES, async (side) => {
      if (token[side] === null) return;
      const t = await timed(
        `${servers[side].base}/api/v2/media?limit=100${token[side] ? `&token=${token[side]}` : ''}`,
        { headers: { 'X-MICROCMS-API-KEY': API_KEY } },
      );
      pages[side].push(t.total);
      token[side] = JSON.parse(t.body).token ?? null;
    });
    // Its SQL: a keyset page (here the first) and the exact count the API answers as totalCount.
    const v2Sql = { sqlite: [], postgres: [] };
    await alternate(RUNS, async (side) =>
      v2Sql[side].push(
        await runners[side].time([`select * from media ${ORDER} limit 101`, 'select count(*) from media']),
      ),
    );
    results.v2 = Object.fromEntries(
      SIDES.map((s) => [
        s,
        { pages: pages[s].length, p50: median(pages[s]), last: pages[s].at(-1), sql: median(v2Sql[s]) },
      ]),
    );
    log(
      `  ${String(count).padStart(7)}  ${'v2 paging'.padEnd(10)}  ` +
        SIDES.map((s) =>
          `${s} p50 ${ms(results.v2[s].p50)} (page ${results.v2[s].pages} ${ms(results.v2[s].last)})`.padEnd(48),
        ).join('') +
        `pg ÷ sqlite ${ratio(results.v2.postgres.p50, results.v2.sqlite.p50)}`,
    );
    return results;
  } finally {
    await Promise.all(SIDES.map((s) => runners[s].close()));
    await pair.stop();
  }
}

function startReceiver() {
  const arrivals = { sqlite: [], postgres: [] };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      arrivals[req.url.split('/').pop()]?.push(performance.now());
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(PORT + 4, '127.0.0.1', () =>
      resolve({ arrivals, url: (side) => `http://127.0.0.1:${PORT + 4}/hook/${side}`, close: () => server.close() }),
    ),
  );
}

/** The few writes the bench makes straight to each database: turning webhooks on and off, pointing them. */
function webhookControl(side, { sqliteDir, database }) {
  if (side === 'sqlite') {
    const file = new Database(path.join(sqliteDir, 'kura.db'));
    return {
      enable: async (on) => file.prepare('update webhooks set enabled = ?').run(on ? 1 : 0),
      point: async (url) => file.prepare('update webhooks set url = ?').run(url),
      pending: async () => file.prepare("select count(*) from deliveries where state = 'pending'").pluck().get(),
      close: async () => file.close(),
    };
  }
  const pool = new pg.Pool({ connectionString: databaseUrl(database), max: 1 });
  return {
    enable: (on) => pool.query('update webhooks set enabled = $1', [on]),
    point: (url) => pool.query('update webhooks set url = $1', [url]),
    pending: async () =>
      Number((await pool.query("select count(*) as n from deliveries where state = 'pending'")).rows[0].n),
    close: () => pool.end(),
  };
}

async function measureOperations(log) {
  const where = {
    sqliteDir: path.join(TMP, 'scale-ops-sqlite'),
    pgDir: path.join(TMP, 'scale-ops-pg'),
    database: 'kura_bench_ops',
  };
  for (const dir of [where.sqliteDir, where.pgDir]) fs.rmSync(dir, { recursive: true, force: true });
  await recreateDatabase(where.database);
  const receiver = await startReceiver();
  // Each server starts with its own receiver path; the bench turns the webhook off for uploads and deletes.
  const sqlite = await startKura(where.sqliteDir, {
    admin: ADMIN,
    port: PORT + 2,
    env: { KURA_MEDIA_WEBHOOK_URL: receiver.url('sqlite'), KURA_WEBHOOK_SECRET: SECRET },
  });
  const postgres = await startKura(where.pgDir, {
    admin: ADMIN,
    port: PORT + 3,
    env: {
      KURA_MEDIA_WEBHOOK_URL: receiver.url('postgres'),
      KURA_WEBHOOK_SECRET: SECRET,
      KURA_DATABASE_URL: databaseUrl(where.database),
    },
  });
  const servers = { sqlite, postgres };
  const control = { sqlite: webhookControl('sqlite', where), postgres: webhookControl('postgres', where) };
  const key = { 'X-MICROCMS-API-KEY': API_KEY };
  const results = {};
  try {
    for (const side of SIDES) await control[side].enable(false);
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366cc' } })
      .png()
      .toBuffer();
    const upload = async (side) => {
      const form = new FormData();
      form.append('file', new Blob([png], { type: 'image/png' }), 'bench.png');
      const t = await timed(`${servers[side].base}/api/v1/media`, { method: 'POST', headers: key, body: form });
      const { id, url } = JSON.parse(t.body);
      return { ms: t.total, id, url };
    };
    for (const side of SIDES) for (let i = 0; i < 4; i++) await upload(side); // warm-up

    // Uploads, one after the other, in ROUNDS rounds per side taking turns.
    const uploads = { sqlite: [], postgres: [] };
    const urls = { sqlite: [], postgres: [] };
    await alternate(ROUNDS, async (side) => {
      for (let i = 0; i < UPLOADS / ROUNDS; i++) {
        const u = await upload(side);
        uploads[side].push(u.ms);
        urls[side].push(u.url);
      }
    });
    results.upload = Object.fromEntries(SIDES.map((s) => [s, median(uploads[s])]));
    log(
      `  upload p50 (${uploads.sqlite.length} per side)  sqlite ${ms(results.upload.sqlite)}  postgres ` +
        `${ms(results.upload.postgres)}  pg ÷ sqlite ${ratio(results.upload.postgres, results.upload.sqlite)}`,
    );

    // Guarded deletes of those media, DELETE_CONCURRENCY at once, in rounds per side taking turns.
    const rates = { sqlite: [], postgres: [] };
    await alternate(ROUNDS, async (side) => {
      const batch = urls[side].splice(0, UPLOADS / ROUNDS);
      const started = performance.now();
      let next = 0;
      const worker = async () => {
        while (next < batch.length) {
          const url = encodeURIComponent(batch[next++]);
          await timed(`${servers[side].base}/api/v2/media?url=${url}`, { method: 'DELETE', headers: key });
        }
      };
      await Promise.all(Array.from({ length: DELETE_CONCURRENCY }, worker));
      rates[side].push(batch.length / ((performance.now() - started) / 1000));
    });
    results.deletes = Object.fromEntries(SIDES.map((s) => [s, median(rates[s])]));
    log(
      `  guarded deletes/s (${DELETE_CONCURRENCY} in flight, median of ${ROUNDS} rounds)  sqlite ` +
        `${results.deletes.sqlite.toFixed(0)}/s  postgres ${results.deletes.postgres.toFixed(0)}/s  pg ÷ sqlite ` +
        `${ratio(results.deletes.postgres, results.deletes.sqlite)}`,
    );

    // Webhook drain: a backlog of EVENTS changes made while the target is unreachable, drained once it answers.
    const drains = { sqlite: [], postgres: [] };
    const targets = { sqlite: (await upload('sqlite')).id, postgres: (await upload('postgres')).id };
    const change = (side, i) =>
      timed(`${servers[side].base}/api/v1/media/${targets[side]}`, {
        method: 'PATCH',
        headers: { ...key, 'Content-Type': 'application/json' },
        body: JSON.stringify({ alt: `alt ${i}` }),
      });
    const until = async (side, n) => {
      const deadline = Date.now() + 180_000;
      while (receiver.arrivals[side].length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      if (receiver.arrivals[side].length < n)
        throw new Error(`${side}: only ${receiver.arrivals[side].length} of ${n} events arrived`);
    };
    await alternate(2, async (side, round) => {
      await control[side].enable(true);
      await control[side].point('http://127.0.0.1:9/unreachable');
      await change(side, -1); // its first attempt fails: the line waits for the retry
      await new Promise((r) => setTimeout(r, 300));
      for (let i = 0; i < EVENTS; i++) await change(side, round * EVENTS + i);
      const pending = await control[side].pending();
      const before = receiver.arrivals[side].length;
      const meter = cpuMeter(servers[side].child.pid);
      await control[side].point(receiver.url(side));
      await until(side, before + EVENTS + 1);
      const cpu = meter.stop();
      const drained = receiver.arrivals[side].slice(before);
      const rate = (drained.length - 1) / ((drained.at(-1) - drained[0]) / 1000);
      drains[side].push(rate);
      log(
        `    ${side} drain ${round + 1}: ${pending} pending, ${rate.toFixed(0)} events/s (server CPU ` +
          `${cpu.serverS.toFixed(2)} s, others ${cpu.othersS.toFixed(1)} s)`,
      );
      await control[side].enable(false);
    });
    results.webhooks = Object.fromEntries(SIDES.map((s) => [s, median(drains[s])]));
    log(
      `  webhook drain (one webhook, ${EVENTS} events)  sqlite ${results.webhooks.sqlite.toFixed(0)}/s  postgres ` +
        `${results.webhooks.postgres.toFixed(0)}/s  ` +
        `pg ÷ sqlite ${ratio(results.webhooks.postgres, results.webhooks.sqlite)}`,
    );
    return results;
  } finally {
    await Promise.all(SIDES.map((s) => control[s].close()));
    await Promise.all(SIDES.map((s) => stopProcess(servers[s].child)));
    receiver.close();
    // The operations' servers start empty every run: nothing of theirs is kept.
    for (const dir of [where.sqliteDir, where.pgDir]) fs.rmSync(dir, { recursive: true, force: true });
    await onMaintenance((c) => c.query(`drop database if exists ${where.database} with (force)`));
  }
}

export async function run({ log }) {
  requireBuild();
  fs.mkdirSync(TMP, { recursive: true });
  const started = new Date().toISOString();
  const load = os.loadavg()[0];
  const results = { date: started, runs: RUNS, v2Pages: V2_PAGES, loadAtStart: load, library: {} };
  log(`  load average at start ${load.toFixed(2)}; sizes ${SIZES.join(', ')}; ${RUNS} requests per figure`);
  if (PARTS.includes('library')) for (const count of SIZES) results.library[count] = await measureLibrary(count, log);
  if (PARTS.includes('ops')) results.operations = await measureOperations(log);
  const goal = [];
  for (const [count, rows] of Object.entries(results.library))
    for (const [label, row] of Object.entries(rows))
      for (const side of SIDES) {
        const p50 = label === 'v2' ? row[side].p50 : row[side].total;
        if (p50 >= 100) goal.push(`${side} ${label} at ${count}: ${ms(p50)}`);
      }
  if (Object.keys(results.library).length)
    log(`  goal p50 < 100 ms: ${goal.length ? `NOT met for ${goal.join('; ')}` : 'met everywhere'}`);
  fs.writeFileSync(path.join(TMP, 'scale-out-results.json'), JSON.stringify(results, null, 2));
  return results;
}

runIfMain(import.meta.url, run);
