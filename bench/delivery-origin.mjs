// bench/delivery-origin: the delivery origin (KURA_DELIVERY_PORT, lib/service/delivery-listener.ts) on a real
// `next start`, each figure against a baseline measured in the same run, sides alternating. Medians; asserts nothing.
//   (a) cached hits with wrk on a core of its own and the servers pinned to the other (bench/lib/wrk.mjs; autocannon
//       where wrk is missing), 32 connections, 5 alternating rounds per side: a cached Image API variant
//       (`?w=640&q=75&fm=webp`, Kura-Cache: hit) and a small original, both on the delivery listener, against
//       (i) a bare node:http server answering the same bytes with the same headers from memory
//       (bench/delivery-origin-baseline-server.mjs)                           goal: ≥ 0.9 ×
//       and (ii) Next's own optimizer `/_next/image` answering the same picture from its cache (same app, main
//       port; KURA_BENCH=1 lets it optimise /assets/**, see next.config.ts)     goal: ≥ 2 ×
//       Requests per second, latency p50 and p99, server CPU per request.
//   (b) cold variants: 30 distinct transforms of one 2048×1366 JPEG on the delivery listener, one after the other
//       (each a cache miss), against Kura's own render code in this process on the same file (parse-params.ts +
//       render.ts as they are, the same sharp): p50 and p95 per side              goal: ≤ 1.05 ×
//   (c) idle memory of `npm start`: the resident memory of every process it leaves running (npm itself, the
//       shell npm runs the script in, the server), summed, 20 s after /api/health first answers  goal: ≤ 150 MiB
//
// Run alone: node bench/delivery-origin.mjs   Knobs (env): BENCH_DELIVERY_SECONDS (seconds per side and round,
// default 3), BENCH_DELIVERY_ROUNDS (default 5), BENCH_DELIVERY_LOAD=autocannon (the unpinned load generator used
// before 7 Dec), BENCH_DELIVERY_IDLE_ONLY=1 (only (c)), BENCH_DELIVERY_COLD_ONLY=1 (only (b)),
// BENCH_KURA_NODE_OPTIONS (node flags for Kura's server, e.g.
// "--cpu-prof --cpu-prof-dir=bench/.tmp/prof").
// Results: bench/.tmp/delivery-origin-results.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sourceHash } from '../scripts/build-state.mjs';
import { TRANSFORMS } from './image-api.mjs';
import { get } from './lib/http-get.mjs';
import { ADMIN, API_KEY, benchNodeArgs, buildId, requireBuild, startKura, uploadMedia } from './lib/kura-server.mjs';
import { loadKuraModule } from './lib/load-kura-module.mjs';
import { cpuMeter, descendants, listeningPid, rssOf, treeRss } from './lib/proc.mjs';
import {
  ROOT,
  TMP,
  forgetDir,
  freePort,
  runIfMain,
  sleep,
  spawnTracked,
  stopAll,
  stopProcess,
  trackDir,
  waitForHealth,
} from './lib/processes.mjs';
import { median } from './lib/stats.mjs';
import { syntheticPhoto } from './lib/synthetic-photo.mjs';
import { cores, pinTree, wrk, wrkAvailable } from './lib/wrk.mjs';

export const name = 'delivery-origin';

const RESULTS_JSON = path.join(TMP, 'delivery-origin-results.json');
const BASELINE_SERVER = path.join(ROOT, 'bench', 'delivery-origin-baseline-server.mjs');
const NPM_CLI = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
const NEXT_IMAGE_CACHE = path.join(ROOT, '.next', 'cache', 'images');
const STAMP = path.join(ROOT, '.next', 'kura-build-hash');
const MiB = 1024 * 1024;
const PHOTO = { width: 2048, height: 1366 };
const SMALL = { width: 480, height: 320 };
const CONNECTIONS = 32;
const SECONDS = Math.max(1, Number(process.env.BENCH_DELIVERY_SECONDS || 3));
const ROUNDS = Math.max(1, Number(process.env.BENCH_DELIVERY_ROUNDS || 5));
const COLD = TRANSFORMS.filter((t) => !t.includes('avif')).slice(0, 30);
const IDLE_WAIT_MS = 20_000;
const MAX_INPUT_PIXELS = 100_000_000;
const TOTAL_TIMEOUT_MS = 10 * 60_000;
const ACCEPT = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';
const VARIANT = 'w=640&q=75&fm=webp';
const IDLE_ONLY = process.env.BENCH_DELIVERY_IDLE_ONLY === '1';
const COLD_ONLY = process.env.BENCH_DELIVERY_COLD_ONLY === '1';
// wrk on a core of its own, the servers pinned to the other: the server is the limit (bench/lib/wrk.mjs). autocannon
// (BENCH_DELIVERY_LOAD=autocannon, or where wrk is missing) shares both cores with the servers.
const LOAD = process.env.BENCH_DELIVERY_LOAD || (wrkAvailable() ? 'wrk' : 'autocannon');
const GOALS = { overBare: 0.9, overNext: 2, cold: 1.05, idleMiB: 150 };

const f = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** Headers Kura sent, minus the per-connection ones, for the bare server to repeat. */
function replayable(headers) {
  const skip = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !skip.has(k)));
}

async function cannon(url, headers, seconds) {
  if (LOAD === 'wrk') return wrk({ url, headers, connections: CONNECTIONS, seconds, cpu: cores().client });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return {
    reqPerS: r.requests.total / r.duration,
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

// ---------------------------------------------------------------------------------------------
// (a) cached hits, alternating rounds.

async function hits(sides, log) {
  if (LOAD === 'wrk') for (const pid of new Set(sides.map((s) => s.pid))) pinTree(pid, cores().servers);
  for (const s of sides) await cannon(s.url, s.headers, 1); // warm-up, not counted
  const runs = Object.fromEntries(sides.map((s) => [s.key, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    // Rotate the order, so no side always runs right after another.
    const order = sides.map((_, i) => sides[(i + round - 1) % sides.length]);
    for (const s of order) {
      const meter = cpuMeter(s.pid);
      const r = await cannon(s.url, s.headers, SECONDS);
      const cpu = meter.stop();
      const cpuMsPerRequest = (cpu.serverS * 1000) / Math.max(1, r.total);
      runs[s.key].push({ ...r, cpuMsPerRequest, othersS: cpu.othersS });
      log(
        `      round ${round} ${s.key.padEnd(16)} ${f(r.reqPerS, 0).padStart(6)} req/s  p50 ${f(r.latencyP50Ms)} ms ` +
          ` p99 ${f(r.latencyP99Ms)} ms  non-2xx ${r.non2xx}  errors ${r.errors}  server CPU ` +
          `${f(cpuMsPerRequest, 3)} ms/request  others ${f(cpu.othersS, 2)} s`,
      );
    }
  }
  const out = {};
  for (const s of sides) {
    const rs = runs[s.key];
    out[s.key] = {
      title: s.title,
      reqPerS: median(rs.map((r) => r.reqPerS)),
      latencyP50Ms: median(rs.map((r) => r.latencyP50Ms)),
      latencyP99Ms: median(rs.map((r) => r.latencyP99Ms)),
      cpuMsPerRequest: median(rs.map((r) => r.cpuMsPerRequest)),
      non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
      errors: rs.reduce((n, r) => n + r.errors, 0),
      othersS: median(rs.map((r) => r.othersS)),
      runs: rs,
    };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// (b) cold variants on the delivery listener and in this process.

async function cold(delivery, mediaPath, photo, kura, log) {
  const render = async (t) => {
    const started = process.hrtime.bigint();
    const plan = kura.parseImageParams(new URLSearchParams(t), { accept: ACCEPT });
    await kura.renderImage(photo, plan, { maxInputPixels: MAX_INPUT_PIXELS });
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const bodies = [];
  const fetchCold = async (t) => {
    const res = await get(`${delivery}${mediaPath}?${t}`, { headers: { accept: ACCEPT } });
    if (res.status !== 200 || res.headers['kura-cache'] !== 'miss')
      throw new Error(`(b) ${t} answered ${res.status}, Kura-Cache: ${res.headers['kura-cache']}`);
    bodies.push(res.body);
    return res.ms;
  };
  for (const t of ['w=100', 'w=101&fm=webp', 'w=102&fm=png']) {
    await fetchCold(t); // warm-up, not counted
    await render(t);
  }
  const http = [];
  const local = [];
  for (const [i, t] of COLD.entries()) {
    if (i % 2 === 0) {
      http.push(await fetchCold(t));
      local.push(await render(t));
    } else {
      local.push(await render(t));
      http.push(await fetchCold(t));
    }
  }
  const r = {
    transforms: COLD.length,
    httpP50Ms: median(http),
    httpP95Ms: percentile(http, 95),
    inProcessP50Ms: median(local),
    inProcessP95Ms: percentile(local, 95),
    medianPairRatio: median(http.map((ms, i) => ms / local[i])),
  };
  r.p50Ratio = r.httpP50Ms / r.inProcessP50Ms;
  r.p95Ratio = r.httpP95Ms / r.inProcessP95Ms;
  r.httpFloorP50Ms = await httpFloor(bodies, median(local));
  log(
    `  (b) ${COLD.length} cold variants: delivery p50 ${f(r.httpP50Ms)} ms p95 ${f(r.httpP95Ms)} ms; in-process ` +
      `p50 ${f(r.inProcessP50Ms)} ms p95 ${f(r.inProcessP95Ms)} ms; ratios p50 ${f(r.p50Ratio, 3)} p95 ` +
      `${f(r.p95Ratio, 3)} (median pair ${f(r.medianPairRatio, 3)})`,
  );
  log(
    `      the HTTP round trip alone (bare node:http, the median variant's bytes, after as long idle): p50 ` +
      `${f(r.httpFloorP50Ms, 2)} ms = ${f((100 * r.httpFloorP50Ms) / r.inProcessP50Ms, 1)} % of an in-process render`,
  );
  return r;
}

/**
 * What any HTTP answer of these bytes costs here: a bare node:http process answering the median-sized variant from
 * memory, asked as the cold requests were (one at a time, the same idle time between them, so each wakes the server).
 */
async function httpFloor(bodies, idleMs) {
  const sorted = [...bodies].sort((a, b) => a.length - b.length);
  const file = path.join(os.tmpdir(), `kura-bench-floor-${process.pid}`);
  fs.writeFileSync(file, sorted[Math.floor(sorted.length / 2)]);
  fs.writeFileSync(`${file}.json`, JSON.stringify({ 'content-type': 'image/jpeg' }));
  const port = await freePort();
  const bare = spawnTracked([BASELINE_SERVER, String(port), `floor=${file},${file}.json`], { ...process.env }, 'floor');
  try {
    await waitForHealth(bare, port);
    const ms = [];
    for (let i = 0; i < COLD.length + 3; i++) {
      const res = await get(`http://127.0.0.1:${port}/floor`);
      if (i >= 3) ms.push(res.ms); // the first ones open the connection
      await sleep(idleMs);
    }
    return median(ms);
  } finally {
    await stopProcess(bare);
    fs.rmSync(file, { force: true });
    fs.rmSync(`${file}.json`, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// (c) idle memory of everything `npm start` leaves running.

function processTable(rootPid) {
  return descendants(rootPid).map((pid) => {
    let command = '?';
    try {
      command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(0, 3).join(' ');
    } catch {}
    return { pid, command: command.replace(ROOT, '.'), rssMiB: rssOf(pid) / MiB };
  });
}

async function idle(dir, log) {
  let stamp = null;
  try {
    stamp = fs.readFileSync(STAMP, 'utf8');
  } catch {}
  if (stamp !== sourceHash())
    return { skipped: 'the build is stale for `npm start` (it would build first): run `npm start` once, then again' };
  const port = await freePort();
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('KURA_') || k.startsWith('npm_')) delete env[k];
  Object.assign(env, {
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    KURA_DATA_DIR: path.join(dir, 'data-idle'),
    KURA_PUBLIC_URL: `http://127.0.0.1:${port}`,
    KURA_API_KEY: API_KEY,
    KURA_ADMIN_EMAIL: ADMIN.email,
    KURA_ADMIN_PASSWORD: ADMIN.password,
  });
  const started = performance.now();
  const child = spawnTracked([NPM_CLI, 'start'], env, 'npm start');
  await waitForHealth(child, port, 120_000);
  const readyS = (performance.now() - started) / 1000;
  await sleep(IDLE_WAIT_MS);
  const table = processTable(child.pid);
  const totalMiB = treeRss(child.pid) / MiB;
  await stopProcess(child);
  log(
    `  (c) npm start: ready in ${f(readyS)} s; ${IDLE_WAIT_MS / 1000} s later ` +
      `${f(totalMiB)} MiB in ${table.length} process(es):`,
  );
  for (const p of table) log(`      pid ${p.pid} ${f(p.rssMiB).padStart(6)} MiB  ${p.command}`);
  return { readyS, totalMiB, processes: table };
}

// ---------------------------------------------------------------------------------------------

export async function run({ log = console.log } = {}) {
  const deadline = setTimeout(() => {
    console.error(`bench/delivery-origin: gave up after ${TOTAL_TIMEOUT_MS / 60000} minutes`);
    process.exit(1);
  }, TOTAL_TIMEOUT_MS);
  deadline.unref();
  const dir = trackDir(fs.mkdtempSync(path.join(os.tmpdir(), 'kura-bench-delivery-')));
  try {
    const build = requireBuild();
    const loadBefore = os.loadavg()[0];
    log(`  build ${build}; load average ${f(loadBefore, 2)}`);
    if (IDLE_ONLY) return { idle: await idle(dir, log) };
    const files = {
      photo: path.join(dir, 'photo.jpg'),
      next: path.join(dir, 'photo-next.jpg'),
      small: path.join(dir, 'small.jpg'),
    };
    fs.writeFileSync(files.photo, await syntheticPhoto(PHOTO.width, PHOTO.height));
    fs.writeFileSync(files.next, await syntheticPhoto(PHOTO.width, PHOTO.height));
    fs.writeFileSync(files.small, await syntheticPhoto(SMALL.width, SMALL.height, { seed: 3 }));
    const kura = {
      ...(await loadKuraModule('lib/image-api/parse-params.ts')),
      ...(await loadKuraModule('lib/image-api/render.ts')),
    };
    fs.rmSync(NEXT_IMAGE_CACHE, { recursive: true, force: true });

    const deliveryPort = await freePort();
    const delivery = `http://127.0.0.1:${deliveryPort}`;
    const server = await startKura(path.join(dir, 'data'), {
      env: { KURA_BENCH: '1', KURA_DELIVERY_URL: delivery, KURA_DELIVERY_PORT: String(deliveryPort) },
      nodeArgs: benchNodeArgs(),
    });
    const pid = listeningPid(server.child.pid, deliveryPort) ?? server.child.pid;
    log(`  server: next start pid ${server.child.pid}, delivery listener ${delivery} in pid ${pid}`);
    const photoPath = await uploadMedia(server, files.photo);
    const nextPath = await uploadMedia(server, files.next);
    const smallPath = await uploadMedia(server, files.small);

    const coldResult = await cold(delivery, photoPath, files.photo, kura, log);
    if (COLD_ONLY) return { cold: coldResult };

    // The bytes and headers the delivery listener answers, for the bare server to answer the same.
    const variantUrl = `${delivery}${nextPath}?${VARIANT}`;
    const originalUrl = `${delivery}${smallPath}`;
    const baseArgs = [];
    const bodies = {};
    for (const [key, url] of [
      ['variant', variantUrl],
      ['original', originalUrl],
    ]) {
      await get(url, { headers: { accept: ACCEPT } });
      const res = await get(url, { headers: { accept: ACCEPT } });
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      if (key === 'variant' && res.headers['kura-cache'] !== 'hit') throw new Error('the variant is not cached');
      bodies[key] = res.body.length;
      fs.writeFileSync(path.join(dir, key), res.body);
      fs.writeFileSync(path.join(dir, `${key}.json`), JSON.stringify(replayable(res.headers)));
      baseArgs.push(`${key}=${path.join(dir, key)},${path.join(dir, `${key}.json`)}`);
    }
    const barePort = await freePort();
    const bare = spawnTracked([BASELINE_SERVER, String(barePort), ...baseArgs], { ...process.env }, 'bare node:http');
    await waitForHealth(bare, barePort);

    const nextUrl = `${server.base}/_next/image?url=${encodeURIComponent(nextPath)}&w=640&q=75`;
    await get(nextUrl, { headers: { accept: ACCEPT } });
    const warm = await get(nextUrl, { headers: { accept: ACCEPT } });
    const nextOk = warm.status === 200 && warm.headers['x-nextjs-cache'] === 'HIT';
    if (!nextOk) log(`  /_next/image not cached (${warm.status}, ${warm.headers['x-nextjs-cache']}): left out`);

    const sides = [
      {
        key: 'delivery-variant',
        title: `delivery listener, cached variant (${bodies.variant} B WebP)`,
        url: variantUrl,
        pid,
      },
      {
        key: 'bare-variant',
        title: 'bare node:http, the same bytes from memory',
        url: `http://127.0.0.1:${barePort}/variant`,
        pid: bare.pid,
      },
      {
        key: 'delivery-original',
        title: `delivery listener, small original (${bodies.original} B JPEG)`,
        url: originalUrl,
        pid,
      },
      {
        key: 'bare-original',
        title: 'bare node:http, the same bytes from memory',
        url: `http://127.0.0.1:${barePort}/original`,
        pid: bare.pid,
      },
    ];
    if (nextOk)
      sides.push({
        key: 'next-image',
        title: `Next /_next/image cached (${warm.body.length} B WebP)`,
        url: nextUrl,
        pid,
      });
    for (const s of sides) s.headers = { accept: ACCEPT };
    const how =
      LOAD === 'wrk'
        ? `wrk on CPU ${cores().client}, servers pinned to CPU ${cores().servers}`
        : 'autocannon, unpinned';
    log(`  (a) cached hits, ${how}, ${CONNECTIONS} connections, ${ROUNDS} rounds × ${SECONDS} s per side:`);
    const hot = await hits(sides, log);
    await stopProcess(bare);
    await stopProcess(server.child);
    fs.rmSync(NEXT_IMAGE_CACHE, { recursive: true, force: true });

    const idleResult = await idle(dir, log);
    if (buildId() !== build) log(`  WARNING: .next changed during the run (BUILD_ID ${build} -> ${buildId()})`);

    const ratio = (a, b) => hot[a].reqPerS / hot[b].reqPerS;
    const goals = {
      variantOverBare: { goal: `>= ${GOALS.overBare}`, value: ratio('delivery-variant', 'bare-variant') },
      originalOverBare: { goal: `>= ${GOALS.overBare}`, value: ratio('delivery-original', 'bare-original') },
      variantOverNext: { goal: `>= ${GOALS.overNext}`, value: nextOk ? ratio('delivery-variant', 'next-image') : NaN },
      coldP50: { goal: `<= ${GOALS.cold}`, value: coldResult.p50Ratio },
      coldP95: { goal: `<= ${GOALS.cold}`, value: coldResult.p95Ratio },
      idleMiB: { goal: `<= ${GOALS.idleMiB}`, value: idleResult.totalMiB ?? NaN },
    };
    for (const [k, g] of Object.entries(goals))
      g.met =
        k.startsWith('cold') || k === 'idleMiB'
          ? g.value <= parseFloat(g.goal.slice(3))
          : g.value >= parseFloat(g.goal.slice(3));
    const result = {
      benchmark: name,
      date: new Date().toISOString(),
      buildId: build,
      machine: {
        nproc: os.availableParallelism(),
        cpuModel: os.cpus()[0]?.model,
        node: process.version,
        loadAverage1mBefore: loadBefore,
        loadAverage1mAfter: os.loadavg()[0],
      },
      load: LOAD === 'wrk' ? { tool: 'wrk', serversOn: cores().servers, clientOn: cores().client } : { tool: LOAD },
      goals,
      hot,
      cold: coldResult,
      idle: idleResult,
    };
    fs.mkdirSync(TMP, { recursive: true });
    fs.writeFileSync(RESULTS_JSON, `${JSON.stringify(result, null, 2)}\n`);

    log('');
    log('  delivery-origin summary (medians)                  req/s    p50 ms   p99 ms  CPU ms/req');
    for (const s of sides) {
      const h = hot[s.key];
      log(
        `  ${s.key.padEnd(48)} ${f(h.reqPerS, 0).padStart(7)} ${f(h.latencyP50Ms).padStart(8)} ` +
          `${f(h.latencyP99Ms).padStart(8)} ${f(h.cpuMsPerRequest, 3).padStart(10)}`,
      );
    }
    for (const [k, g] of Object.entries(goals))
      log(`  ${k.padEnd(20)} ${f(g.value, 3).padStart(8)}  goal ${g.goal}  ${g.met ? 'MET' : 'NOT MET'}`);
    log(`  JSON: ${path.relative(ROOT, RESULTS_JSON)}`);
    return result;
  } finally {
    clearTimeout(deadline);
    await stopAll();
    fs.rmSync(dir, { recursive: true, force: true });
    forgetDir(dir);
  }
}

runIfMain(import.meta.url, run);
