// bench/content-query: microCMS's list query at scale. One list API with 100,000 content items (title, summary,
// rating, featured), on SQLite (a data dir of its own) and on PostgreSQL (a database of its own, created and
// dropped here), each behind a real `next start`. Measured as medians of RUNS requests after warm-ups:
//   - GET /api/v1/{api}?filters=…[and]…&orders=-rating&q=<word>&limit=10, an ASCII word and a Japanese one
//   - the baseline: GET /api/v1/{api}?limit=10 (newest first, no query), same server, same run
//                                                                  goal: the query's p50 < 100 ms on PostgreSQL
// Run alone: node bench/content-query.mjs   Knobs: BENCH_CONTENT_RUNS (default 21), BENCH_CONTENT_ITEMS (100000),
// BENCH_POSTGRES_URL (default postgres://kura:kura@127.0.0.1:5432/postgres; a role that may create databases).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { API_KEY, requireBuild, startKura } from './lib/kura-server.mjs';
import { TMP, runIfMain, stopProcess, trackDir } from './lib/processes.mjs';

export const name = 'content-query';

const RUNS = Math.max(5, Number(process.env.BENCH_CONTENT_RUNS || 21));
const ITEMS = Math.max(1000, Number(process.env.BENCH_CONTENT_ITEMS || 100_000));
const POSTGRES = process.env.BENCH_POSTGRES_URL || 'postgres://kura:kura@127.0.0.1:5432/postgres';
const DATABASE = 'kura_bench_content_api';
const ENDPOINT = 'articles';
const FIELDS = [
  { id: 'title', name: 'Title', kind: 'text', required: true },
  { id: 'summary', name: 'Summary', kind: 'textArea', required: false },
  { id: 'rating', name: 'Rating', kind: 'number', required: false },
  { id: 'featured', name: 'Featured', kind: 'boolean', required: false },
];
// 24 words; each item's summary holds three of them, so a word is in about one item in eight.
const WORDS = [
  'river',
  'mountain',
  'festival',
  'harbor',
  'garden',
  'station',
  'bridge',
  'temple',
  'market',
  'island',
  'forest',
  'castle',
  '東京タワー',
  '大阪城',
  '京都駅',
  '桜並木',
  '夏祭り',
  '夜景観賞',
  '温泉旅館',
  '富士山頂',
  '紅葉狩り',
  '雪景色',
  '花火大会',
  '商店街',
];
const QUERIES = [
  ['filter + order + q (ASCII word)', 'rating[greater_than]2[and]featured[equals]true', '-rating', 'festival'],
  ['filter + order + q (Japanese word)', 'rating[greater_than]2[and]featured[equals]true', '-rating', '温泉旅館'],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

/** Item n: its stored data and its search text (what lib/content/search-text.ts writes: NFKC, lower case). */
function item(n) {
  const words = [WORDS[(n * 7) % 24], WORDS[(n * 13 + 5) % 24], WORDS[(n * 17 + 11) % 24]];
  const data = { title: `Article ${n}`, summary: `${words.join(' ')} no. ${n}`, rating: n % 5, featured: n % 3 === 0 };
  return { data, text: `${data.title}\n${data.summary}`.normalize('NFKC').toLowerCase() };
}

async function timed(url) {
  const started = performance.now();
  const res = await fetch(url, { headers: { 'X-MICROCMS-API-KEY': API_KEY } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 200)}`);
  return { ms: performance.now() - started, body: JSON.parse(body) };
}

async function measure(base) {
  const url = (query) => `${base}/api/v1/${ENDPOINT}?${new URLSearchParams(query)}`;
  const rows = [];
  const plain = url({ limit: '10' });
  for (let i = 0; i < 3; i++) await timed(plain);
  const baseline = [];
  for (let i = 0; i < RUNS; i++) baseline.push((await timed(plain)).ms);
  rows.push({ label: 'baseline: limit=10, newest first', p50: median(baseline), totalCount: ITEMS });
  for (const [label, filters, orders, q] of QUERIES) {
    const u = url({ filters, orders, q, limit: '10' });
    const first = await timed(u); // also gives search text to rows written before search existed (none here)
    for (let i = 0; i < 2; i++) await timed(u);
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push((await timed(u)).ms);
    rows.push({ label, p50: median(times), totalCount: first.body.totalCount, first: first.ms });
  }
  return rows.map((r) => ({ ...r, ratio: r.p50 / rows[0].p50 }));
}

function apiRow() {
  return { id: randomBytes(16).toString('hex'), fields: JSON.stringify(FIELDS) };
}

/** SQLite: start once (migrations), stop, write the items straight into kura.db, start again. */
async function sqliteRun(log) {
  const dir = trackDir(path.join(TMP, `content-query-sqlite-${process.pid}`));
  fs.rmSync(dir, { recursive: true, force: true });
  let server = await startKura(dir);
  await stopProcess(server.child);
  const started = Date.now();
  const db = new Database(path.join(dir, 'kura.db'));
  const api = apiRow();
  const now = Date.now();
  db.prepare("insert into apis (id, endpoint, name, kind, fields, updated_at) values (?, ?, ?, 'list', ?, ?)").run(
    api.id,
    ENDPOINT,
    'Articles',
    api.fields,
    now,
  );
  const content = db.prepare('insert into contents (id, api_id, data, created_at, updated_at) values (?, ?, ?, ?, ?)');
  const search = db.prepare('insert into content_search (content_id, text) values (?, ?)');
  db.transaction(() => {
    for (let n = 0; n < ITEMS; n++) {
      const { data, text } = item(n);
      const id = `a${n.toString(36).padStart(6, '0')}`;
      content.run(id, api.id, JSON.stringify(data), now - (ITEMS - n) * 60_000, now - (ITEMS - n) * 60_000);
      search.run(id, text);
    }
  })();
  db.close();
  log(`sqlite: ${ITEMS.toLocaleString('en')} items written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  server = await startKura(dir);
  try {
    return await measure(server.base);
  } finally {
    await stopProcess(server.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const psql = (url, sql) =>
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql], { encoding: 'utf8' });

/** PostgreSQL: a database of its own; Kura migrates it at start, the items are generated by one INSERT … SELECT. */
async function postgresRun(log) {
  const admin = new URL(POSTGRES);
  const url = new URL(POSTGRES);
  url.pathname = `/${DATABASE}`;
  psql(admin.toString(), `drop database if exists ${DATABASE} with (force)`);
  psql(admin.toString(), `create database ${DATABASE}`);
  const dir = trackDir(path.join(TMP, `content-query-pg-${process.pid}`));
  fs.rmSync(dir, { recursive: true, force: true });
  const env = { KURA_DATABASE_URL: url.toString(), AUTH_SECRET: randomBytes(32).toString('hex') };
  let server = await startKura(dir, { env });
  try {
    const started = Date.now();
    const api = apiRow();
    const words = `array[${WORDS.map((w) => `'${w}'`).join(',')}]`;
    // The same items as item(n) above, written by the database itself.
    psql(
      url.toString(),
      `insert into apis (id, endpoint, name, kind, fields, updated_at)
         values ('${api.id}', '${ENDPOINT}', 'Articles', 'list', '${api.fields}'::jsonb, now());
       insert into contents (id, api_id, data, created_at, updated_at)
         select 'a' || lpad(n::text, 6, '0'), '${api.id}',
                jsonb_build_object('title', 'Article ' || n,
                  'summary', (${words})[(n * 7) % 24 + 1] || ' ' || (${words})[(n * 13 + 5) % 24 + 1] || ' ' ||
                             (${words})[(n * 17 + 11) % 24 + 1] || ' no. ' || n,
                  'rating', n % 5, 'featured', n % 3 = 0),
                now() - (${ITEMS} - n) * interval '1 minute', now() - (${ITEMS} - n) * interval '1 minute'
         from generate_series(0, ${ITEMS - 1}) n;
       insert into content_search (content_id, text)
         select id, lower(data ->> 'title' || chr(10) || (data ->> 'summary')) from contents where api_id = '${api.id}';
       analyze;`,
    );
    log(`postgres: ${ITEMS.toLocaleString('en')} items written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await stopProcess(server.child);
    server = await startKura(dir, { env });
    return await measure(server.base);
  } finally {
    await stopProcess(server.child);
    fs.rmSync(dir, { recursive: true, force: true });
    psql(admin.toString(), `drop database if exists ${DATABASE} with (force)`);
  }
}

export async function run({ log }) {
  requireBuild();
  const results = { sqlite: await sqliteRun(log) };
  try {
    psql(POSTGRES, 'select 1');
    results.postgres = await postgresRun(log);
  } catch (err) {
    log(`postgres: skipped (${String(err.message).split('\n')[0]})`);
  }
  log(`\n${ITEMS.toLocaleString('en')} items, medians of ${RUNS} requests (whole response, key auth):`);
  log('| query | PostgreSQL p50 | ÷ baseline | SQLite p50 | ÷ baseline | totalCount |');
  log('|---|---:|---:|---:|---:|---:|');
  results.sqlite.forEach((s, i) => {
    const p = results.postgres?.[i];
    log(
      `| ${s.label} | ${p ? ms(p.p50) : '–'} | ${p ? p.ratio.toFixed(2) : '–'} | ${ms(s.p50)} | ` +
        `${s.ratio.toFixed(2)} | ${s.totalCount.toLocaleString('en')} |`,
    );
  });
  const worst = results.postgres ? Math.max(...results.postgres.slice(1).map((r) => r.p50)) : null;
  log(
    worst === null
      ? 'goal: not measured'
      : `goal "p50 < 100 ms on PostgreSQL": ${worst < 100 ? 'met' : 'NOT met'} (${ms(worst)})`,
  );
  return results;
}

runIfMain(import.meta.url, run);
