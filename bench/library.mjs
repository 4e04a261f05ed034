// bench/library: the library and the media API at scale. Fills data dirs with 10,000 and 100,000 media
// (scripts/seed-bulk.mjs, kept in bench/.tmp between runs), starts a real `next start` on each, logs in
// and measures, as medians of RUNS requests after warm-up:
//   - server time of the first library page (/media), a filtered page (tag + kind), a file-name
//     search, and v2 paging (GET /api/v2/media, limit 100) to page 500 by token,
//   - beside each, the same queries (page + count) run directly on SQLite in this process, in the same
//     run: ratio = server time / query time                          goal: library page p50 < 100 ms
//   - time to first byte of /media at 100k ÷ at 10k                   goal: ≤ 1.5
// Run alone: node bench/library.mjs   Knobs: BENCH_LIBRARY_RUNS (default 15).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { API_KEY, logIn, requireBuild, startKura } from './lib/kura-server.mjs';
import { ROOT, TMP, runIfMain, stopProcess } from './lib/processes.mjs';

export const name = 'library';

const RUNS = Math.max(3, Number(process.env.BENCH_LIBRARY_RUNS || 15));
const ADMIN = { email: 'bench@kura.test', password: 'bench password 123' };
const SIZES = [10_000, 100_000];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

function seeded(dir, count) {
  const marker = path.join(dir, `seeded-${count}`);
  if (fs.existsSync(marker)) return;
  fs.rmSync(dir, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/seed-bulk.mjs'), String(count), '--data-dir', dir], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('seeding failed');
  fs.writeFileSync(marker, '');
}

async function startServer(dir) {
  const { child, base } = await startKura(dir, { admin: ADMIN });
  return { base, stop: () => stopProcess(child) };
}

/** Time to first byte and to the whole body of one GET, in ms. */
async function timed(url, headers) {
  const started = performance.now();
  const res = await fetch(url, { headers, redirect: 'manual' });
  const ttfb = performance.now() - started;
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 200)}`);
  return { ttfb, total: performance.now() - started, body };
}

async function serverMedian(url, headers) {
  await timed(url, headers); // warm-up
  const ttfb = [];
  const total = [];
  for (let i = 0; i < RUNS; i++) {
    const t = await timed(url, headers);
    ttfb.push(t.ttfb);
    total.push(t.total);
  }
  return { ttfb: median(ttfb), total: median(total) };
}

/** The same work on SQLite directly: the page and its count, as the library runs them. */
function queryMedian(db, sqls) {
  const statements = sqls.map(([sql, params]) => [db.prepare(sql), params ?? []]);
  const once = () => {
    const t = performance.now();
    for (const [s, p] of statements) s.all(...p);
    return performance.now() - t;
  };
  once();
  return median(Array.from({ length: RUNS }, once));
}

const ORDER = 'order by created_at desc, id desc';
const TAG_IN =
  "media.id in (select mt.media_id from media_tags mt join tags t on t.id = mt.tag_id where t.name = 'press')";
const TAG_EXISTS =
  'exists (select 1 from media_tags mt join tags t on t.id = ' +
  "mt.tag_id where t.name = 'press' and mt.media_id = media.id)";
const SEARCH = "(file_name like '%river-sun%' escape '\\' or alt like '%river-sun%' escape '\\')";

async function measure(count, log) {
  const dir = path.join(TMP, `library-${count}`);
  seeded(dir, count);
  const server = await startServer(dir);
  const db = new Database(path.join(dir, 'kura.db'), { readonly: true });
  try {
    const cookie = await logIn(server.base, ADMIN);
    const session = { Cookie: cookie };
    const key = { 'X-MICROCMS-API-KEY': API_KEY };
    const check = await timed(`${server.base}/media`, session);
    if (!check.body.includes('aria-label="Media"')) throw new Error('not logged in: /media did not render the library');
    const rows = [
      ['first page', '/media', [[`select * from media ${ORDER} limit 50`], ['select count(*) from media']]],
      [
        'tag + kind',
        '/media?kind=image&tag=press',
        [
          [`select * from media where kind = 'image' and ${TAG_EXISTS} ${ORDER} limit 50`],
          [`select count(*) from media where kind = 'image' and ${TAG_IN}`],
        ],
      ],
      [
        'search',
        '/media?q=river-sun',
        [[`select * from media where ${SEARCH} ${ORDER} limit 50`], [`select count(*) from media where ${SEARCH}`]],
      ],
    ];
    const results = {};
    for (const [label, url, sqls] of rows) {
      const s = await serverMedian(`${server.base}${url}`, session);
      const q = queryMedian(db, sqls);
      results[label] = { ...s, query: q };
      log(
        `  ${String(count).padStart(6)} media  ${label.padEnd(11)} server ${ms(s.total)} (ttfb ` +
          `${ms(s.ttfb)})  sqlite ${ms(q)}  ratio ${(s.total / q).toFixed(1)}`,
      );
    }
    // v2: walk to page 500 by token (limit 100 → item 50,000; at 10k the walk ends at page 100).
    let token;
    const pages = [];
    for (let page = 1; page <= 500; page++) {
      const t = await timed(`${server.base}/api/v2/media?limit=100${token ? `&token=${token}` : ''}`, key);
      pages.push(t.total);
      token = JSON.parse(t.body).token;
      if (!token) break;
    }
    const last = db
      .prepare(`select created_at, id from media ${ORDER} limit 1 offset ?`)
      .get(Math.min(count, 100 * pages.length) - 101);
    const q = queryMedian(db, [
      [
        `select * from media where (created_at < ? or (created_at = ? and id < ?)) ${ORDER} limit 101`,
        [last.created_at, last.created_at, last.id],
      ],
      ['select count(*) from media'],
    ]);
    results.v2 = { pages: pages.length, p50: median(pages), last: pages[pages.length - 1], query: q };
    log(
      `  ${String(count).padStart(6)} media  v2 paging   ${pages.length} pages of 100: p50 ${ms(median(pages))}, ` +
        `page ${pages.length} ${ms(pages[pages.length - 1])}  sqlite ${ms(q)}  ratio ${(median(pages) / q).toFixed(1)}`,
    );
    return results;
  } finally {
    db.close();
    await server.stop();
  }
}

export async function run({ log }) {
  requireBuild();
  fs.mkdirSync(TMP, { recursive: true });
  const bySize = {};
  for (const count of SIZES) bySize[count] = await measure(count, log);
  const [small, large] = SIZES.map((n) => bySize[n]);
  const ttfbRatio = large['first page'].ttfb / small['first page'].ttfb;
  const pageP50 = Math.max(...['first page', 'tag + kind', 'search'].map((k) => large[k].total));
  log(`  goal: slowest library page p50 at 100k = ${ms(pageP50)} (< 100 ms: ${pageP50 < 100 ? 'met' : 'NOT met'})`);
  log(`  goal: ttfb(/media) 100k ÷ 10k = ${ttfbRatio.toFixed(2)} (≤ 1.5: ${ttfbRatio <= 1.5 ? 'met' : 'NOT met'})`);
  fs.writeFileSync(
    path.join(TMP, 'library-results.json'),
    JSON.stringify({ date: new Date().toISOString(), runs: RUNS, bySize, ttfbRatio }, null, 2),
  );
  return { bySize, ttfbRatio };
}

runIfMain(import.meta.url, run);
