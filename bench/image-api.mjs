// bench/image-api: the Image API on a real `next start` (delivery URLs /assets/{service}/{id}/{name}?…),
// each figure against a baseline measured in the same run. Medians throughout; it asserts nothing.
//   (a) cold variants: 50 distinct transforms of one 2048×1366 JPEG (≈ 2.8 MP) over HTTP, one after
//       the other, each a cache miss (Kura-Cache: miss), against Kura's own render code run in this
//       process on the same file (lib/image-api/parse-params.ts + render.ts, loaded as they are, with
//       the same sharp): p50 per side and the ratio                         goal: ≤ 1.15
//   (b) cached hits with autocannon, 32 connections: Kura's variant against (i) GET /api/bench/hello
//       (Response.json in the same app) and (ii) a bare node:http server streaming the same variant
//       file with the same headers (bench/image-api-baseline-server.mjs)  goal: Kura ≥ 0.7 × (i)
//   (c) Next.js's own optimizer (/_next/image, same app, same file): cold (first request of each width
//       Next accepts) and cached, as ratios to Kura's `?w=…&q=75&fm=webp`, both sent a browser's Accept
//   (d) 64 concurrent cold transforms of a 6000×4000 JPEG on a fresh production server (KURA_BENCH
//       unset): answers 200 vs 503 (the queue: 2 encodes, 32 waiting) and the serving process's peak
//       RSS growth (VmHWM, reset just before)                              goal: bounded, no OOM
//   (e) AVIF encoder effort 0–4 (and WebP) in this process for a 1200 px wide output of the photo:
//       time (median of 3), bytes and PSNR against the unencoded resize
// Fixtures are made at run time in a temp dir (bench/lib/synthetic-photo.mjs). The servers of (a)–(c)
// start with KURA_BENCH=1, which turns on /api/bench/hello and /_next/image for /assets/** (see
// next.config.ts); nothing else about them changes. Results: bench/.tmp/image-api-results.json.
//
// Run alone: node bench/image-api.mjs   Knobs (env): BENCH_IMAGE_API_SECONDS (autocannon seconds per
// side, default 10, in 3 alternating rounds), BENCH_IMAGE_API_MEMORY=1 (also (d)'s renders in a plain
// Node process, 2 at a time: bench/image-api-memory-baseline.mjs; about 40 s more),
// BENCH_KURA_NODE_OPTIONS (node flags for Kura's servers, e.g. "--cpu-prof --cpu-prof-dir=bench/.tmp/prof").
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import sharp from 'sharp';
import { fresh, get } from './lib/http-get.mjs';
import { benchNodeArgs, buildId, requireBuild, startKura, uploadMedia } from './lib/kura-server.mjs';
import { loadKuraModule } from './lib/load-kura-module.mjs';
import {
  cpuMeter,
  descendants,
  listeningPid,
  peakRssOf,
  resetPeakRss,
  rssOf,
  startSampler,
  treeCpu,
} from './lib/proc.mjs';
import {
  ROOT,
  TMP,
  forgetDir,
  freePort,
  sleep,
  runIfMain,
  spawnTracked,
  stopAll,
  stopProcess,
  trackDir,
  waitForHealth,
} from './lib/processes.mjs';
import { median } from './lib/stats.mjs';
import { syntheticPhoto } from './lib/synthetic-photo.mjs';

export const name = 'image-api';

const require = createRequire(import.meta.url);
const RESULTS_JSON = path.join(TMP, 'image-api-results.json');
const BASELINE_SERVER = path.join(ROOT, 'bench', 'image-api-baseline-server.mjs');
const MEMORY_BASELINE_SCRIPT = path.join(ROOT, 'bench', 'image-api-memory-baseline.mjs');
const NEXT_IMAGE_CACHE = path.join(ROOT, '.next', 'cache', 'images');
const MiB = 1024 * 1024;
const PHOTO = { width: 2048, height: 1366 };
const BIG = { width: 6000, height: 4000 };
const MAX_INPUT_PIXELS = 100_000_000; // KURA_MAX_INPUT_PIXELS's default, as the server has it
const CONNECTIONS = 32;
const CANNON_SECONDS = Math.max(3, Number(process.env.BENCH_IMAGE_API_SECONDS || 10));
const MEMORY_BASELINE = process.env.BENCH_IMAGE_API_MEMORY === '1';
const CANNON_ROUNDS = 3;
const BURST = 64;
const TOTAL_TIMEOUT_MS = 8 * 60_000;
// A browser's Accept for images (Chrome's): Next picks WebP from it; Kura's URLs say fm=webp anyway.
const ACCEPT = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';
const GOALS = { coldRatio: 1.15, hitsOverHello: 0.7 };

// (a): 50 distinct transforms (their cache keys are checked to differ). One AVIF only, the small
// `w=400&fm=avif`: AVIF's encode time is (e)'s subject, and more of them would only measure it again.
export const TRANSFORMS = [
  'w=320',
  'w=640',
  'w=1024',
  'w=1600',
  'h=400',
  'w=800&h=800&fit=crop',
  'w=600&h=400&fit=crop&crop=top',
  'w=600&h=400&fit=crop&crop=entropy',
  'w=500&h=500&fit=crop&crop=faces',
  'w=600&h=300&fit=crop&crop=focalpoint&fp-x=0.3&fp-y=0.6&fp-z=1.5',
  'w=700&h=700&fit=fill&fill-color=333',
  'w=700&h=500&fit=fillmax&bg=fff',
  'w=640&h=640&fit=clamp',
  'w=640&h=480&fit=scale',
  'w=640&h=640&fit=max',
  'w=900&h=600&fit=min',
  'w=400&ar=16:9&fit=crop',
  'rect=100,100,800,600&w=400',
  'w=640&fm=webp',
  'w=640&fm=webp&q=50',
  'w=1200&fm=webp&q=80',
  'w=320&fm=png',
  'w=320&fm=png8',
  'w=640&fm=pjpg&q=60',
  'w=640&q=90',
  'w=640&q=30',
  'w=640&blur=50',
  'w=640&blur=400',
  'w=640&sharp=40',
  'w=640&rot=90',
  'w=640&rot=33',
  'w=640&flip=h',
  'w=640&flip=hv',
  'w=500&mask=ellipse&fm=png',
  'w=500&mask=corners&corner-radius=40&fm=webp',
  'w=600&pad=20&bg=eee',
  'w=600&border=8,000',
  'w=300&dpr=2',
  'w=640&fm=webp&lossless=1',
  'w=640&auto=compress',
  'w=480&h=480&fit=fill&fill=blur',
  'w=0.5',
  'w=256&h=256&fit=crop&fm=webp',
  'w=1920&fm=webp&q=70',
  'w=200&fm=gif',
  'w=640&orient=6',
  'w=800&h=450&fit=crop&crop=bottom,right&fm=webp',
  'w=640&sharp=20&blur=20',
  'w=400&fm=avif',
  'w=1440&h=960&fit=crop&q=85',
];
const AVIF_IN_SET = TRANSFORMS.filter((t) => t.includes('fm=avif'));

const f = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
const kib = (bytes) => `${f(bytes / 1024)} KiB`;
const mib = (bytes) => `${f(bytes / MiB)} MiB`;

// ---------------------------------------------------------------------------------------------
// Setup: fixtures, servers, uploads.

async function makeFixtures(dir) {
  const files = {
    photo: path.join(dir, 'photo.jpg'), // (a), (e)
    // (b), (c): the same picture made again (only the grain differs), so no variant of (a) is reused
    photoNext: path.join(dir, 'photo-next.jpg'),
    photoAfter: path.join(dir, 'photo-after.jpg'), // (c): Kura again after Next's optimizer has run once in the process
    big: path.join(dir, 'photo-24mp.jpg'), // (d)
  };
  fs.writeFileSync(files.photo, await syntheticPhoto(PHOTO.width, PHOTO.height));
  fs.writeFileSync(files.photoNext, await syntheticPhoto(PHOTO.width, PHOTO.height));
  fs.writeFileSync(files.photoAfter, await syntheticPhoto(PHOTO.width, PHOTO.height));
  fs.writeFileSync(files.big, await syntheticPhoto(BIG.width, BIG.height, { seed: 2 }));
  return files;
}

/** The process that holds the listening socket: `next start` may serve from a child of its own. */
function servingPidOf(server) {
  const pid = listeningPid(server.child.pid, server.port);
  if (!pid) throw new Error(`no process of the tree ${server.child.pid} listens on ${server.port}`);
  return pid;
}

// ---------------------------------------------------------------------------------------------
// (a) cold variants, over HTTP and in this process.

async function coldVariants(server, mediaPath, files, kura, log) {
  const plans = TRANSFORMS.map((t) => kura.parseImageParams(new URLSearchParams(t), { accept: ACCEPT }));
  const keys = new Set(plans.map((p) => p.cacheKey));
  if (plans.some((p) => !p.transforms) || keys.size !== TRANSFORMS.length)
    throw new Error('(a) needs 50 distinct transforms');
  const render = async (t) => {
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const plan = kura.parseImageParams(new URLSearchParams(t), { accept: ACCEPT });
    const out = await kura.renderImage(files.photo, plan, { maxInputPixels: MAX_INPUT_PIXELS });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    return { ms, cpuMs: (used.user + used.system) / 1000, data: out.data };
  };
  const fetchCold = async (t) => {
    const cpu = treeCpu(server.child.pid);
    const res = await get(`${server.base}${mediaPath}?${t}`, { headers: { accept: ACCEPT } });
    if (res.status !== 200) throw new Error(`(a) ${t} answered ${res.status}: ${res.body.toString().slice(0, 200)}`);
    if (res.headers['kura-cache'] !== 'miss')
      throw new Error(`(a) ${t} was not a cache miss (Kura-Cache: ${res.headers['kura-cache']})`);
    const used = treeCpu(server.child.pid);
    return { ...res, cpuMs: (used.user + used.sys - cpu.user - cpu.sys) * 1000 };
  };
  for (const t of ['w=100', 'w=101&fm=webp', 'w=102&fm=png', 'w=103&blur=10']) {
    await fetchCold(t); // warm-up, not counted: modules, sharp, the route
    await render(t);
  }
  const meter = cpuMeter(server.child.pid);
  const rows = [];
  for (const [i, t] of TRANSFORMS.entries()) {
    // Alternate which side goes first, so neither always runs right after the other.
    let http;
    let local;
    if (i % 2 === 0) {
      http = await fetchCold(t);
      local = await render(t);
    } else {
      local = await render(t);
      http = await fetchCold(t);
    }
    rows.push({
      transform: t,
      httpMs: http.ms,
      inProcessMs: local.ms,
      serverCpuMs: http.cpuMs,
      inProcessCpuMs: local.cpuMs,
      bytes: http.body.length,
      sameBytes: http.body.equals(local.data),
      contentType: http.headers['content-type'],
    });
  }
  const cpu = meter.stop();
  const httpP50 = median(rows.map((r) => r.httpMs));
  const localP50 = median(rows.map((r) => r.inProcessMs));
  const result = {
    transforms: rows.length,
    avifInSet: AVIF_IN_SET,
    httpP50Ms: httpP50,
    inProcessP50Ms: localP50,
    ratio: httpP50 / localP50,
    medianPairRatio: median(rows.map((r) => r.httpMs / r.inProcessMs)),
    medianExtraMs: median(rows.map((r) => r.httpMs - r.inProcessMs)),
    // CPU time barely depends on what else the machine runs; wall time does (/proc ticks are 10 ms).
    serverCpuS: rows.reduce((n, r) => n + r.serverCpuMs, 0) / 1000,
    inProcessCpuS: rows.reduce((n, r) => n + r.inProcessCpuMs, 0) / 1000,
    sameBytes: rows.filter((r) => r.sameBytes).length,
    cpu,
    rows,
  };
  log(
    `  (a) ${rows.length} cold variants: HTTP p50 ${f(httpP50)} ms, in-process ` +
      `p50 ${f(localP50)} ms, ratio ${f(result.ratio, 3)} (median pair ` +
      (`ratio ${f(result.medianPairRatio, 3)}, median extra ` +
        `${f(result.medianExtraMs)} ms); identical bytes ${result.sameBytes}/${rows.length}`),
  );
  log(
    `      CPU for the 50: server ${f(result.serverCpuS, 2)} s, in-process ${f(result.inProcessCpuS, 2)} s (ratio ` +
      (`${f(result.serverCpuS / result.inProcessCpuS, 3)}); others (rest ` +
        `of the machine) ${f(cpu.othersS, 2)} s in ${f(cpu.wallS, 1)} s`),
  );
  return result;
}

// ---------------------------------------------------------------------------------------------
// (c) cold: Next's optimizer and Kura, width by width.

async function nextCold(server, mediaPath, afterPath, log) {
  const { imageConfigDefault } = require('next/dist/shared/lib/image-config');
  const widths = [...imageConfigDefault.imageSizes, ...imageConfigDefault.deviceSizes]
    .filter((w) => w <= PHOTO.width)
    .sort((a, b) => a - b);
  const kuraUrl = (p, w) => `${server.base}${p}?w=${w}&q=75&fm=webp`;
  const nextUrl = (w) => `${server.base}/_next/image?url=${encodeURIComponent(mediaPath)}&w=${w}&q=75`;

  const probe = await get(nextUrl(widths[0]), { headers: { accept: ACCEPT } });
  if (probe.status !== 200) {
    return {
      skipped:
        `/_next/image answered ${probe.status} (${probe.body.toString().slice(0, 120)}): ` +
        `is images.localPatterns for /assets/** on when KURA_BENCH=1 (next.config.ts)?`,
    };
  }
  widths.shift(); // the probe was its first request

  const side = async (label, urlOf, check) => {
    const rows = [];
    const cpu = treeCpu(server.child.pid);
    for (const w of widths) {
      const res = await get(urlOf(w), { headers: { accept: ACCEPT } });
      if (res.status !== 200)
        throw new Error(`(c) ${label} w=${w} answered ${res.status}: ${res.body.toString().slice(0, 200)}`);
      check(res, w);
      rows.push({ w, ms: res.ms, bytes: res.body.length, contentType: res.headers['content-type'] });
    }
    const used = treeCpu(server.child.pid);
    return { p50Ms: median(rows.map((r) => r.ms)), serverCpuS: used.user + used.sys - cpu.user - cpu.sys, rows };
  };
  const kuraMiss = (res, w) => {
    if (res.headers['kura-cache'] !== 'miss') throw new Error(`(c) Kura w=${w} was not a miss`);
  };
  // Kura first: Next's optimizer, once it has run, sets sharp's thread count for the whole process
  // (sharp.concurrency(cores / 2) in next/dist/server/image-optimizer/transform.js), Kura's encodes included.
  const kura = await side('Kura', (w) => kuraUrl(mediaPath, w), kuraMiss);
  const next = await side('Next', nextUrl, (res, w) => {
    if (res.headers['x-nextjs-cache'] !== 'MISS')
      throw new Error(`(c) Next w=${w} was not a miss (${res.headers['x-nextjs-cache']})`);
    if (res.headers['content-type'] !== 'image/webp')
      throw new Error(`(c) Next w=${w} answered ${res.headers['content-type']}`);
  });
  const kuraAfter = await side('Kura after Next', (w) => kuraUrl(afterPath, w), kuraMiss);
  const result = {
    widths,
    kura,
    next,
    kuraAfterNext: kuraAfter,
    nextOverKura: next.p50Ms / kura.p50Ms,
    nextOverKuraAfter: next.p50Ms / kuraAfter.p50Ms,
    pairRatios: widths.map((w, i) => next.rows[i].ms / kura.rows[i].ms),
  };
  log(
    `  (c) cold, ${widths.length} widths (${widths.join(', ')}): ` +
      `Next p50 ${f(next.p50Ms)} ms, Kura p50 ${f(kura.p50Ms)} ms ` +
      `(Next ÷ Kura ${f(result.nextOverKura, 2)}); Kura after Next's optimizer ran p50 ${f(kuraAfter.p50Ms)} ms`,
  );
  log(
    `      server CPU for the ${widths.length}: Next ${f(next.serverCpuS, 2)} s, Kura ` +
      `${f(kura.serverCpuS, 2)} s, Kura after Next ${f(kuraAfter.serverCpuS, 2)} s`,
  );
  const at = widths.indexOf(640);
  if (at >= 0)
    log(
      `      w=640: Next ${f(next.rows[at].ms)} ms ${kib(next.rows[at].bytes)}, ` +
        `Kura ${f(kura.rows[at].ms)} ms ${kib(kura.rows[at].bytes)}`,
    );
  return result;
}

// ---------------------------------------------------------------------------------------------
// (b) and (c) cached: autocannon against each side, in alternating rounds.

async function cannon(url, headers, seconds) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return {
    reqPerS: r.requests.total / r.duration,
    p50PerSecond: r.requests.p50,
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerS: r.throughput.average,
  };
}

async function cachedHits(sides, log) {
  const perRound = CANNON_SECONDS / CANNON_ROUNDS;
  for (const s of sides) await cannon(s.url, s.headers, 1); // warm-up, not counted
  const runs = Object.fromEntries(sides.map((s) => [s.key, []]));
  for (let round = 1; round <= CANNON_ROUNDS; round++) {
    for (const s of sides) {
      const meter = cpuMeter(s.pid);
      const r = await cannon(s.url, s.headers, perRound);
      const cpu = meter.stop();
      const cpuMsPerRequest = (cpu.serverS * 1000) / Math.max(1, r.total);
      runs[s.key].push({ ...r, cpu, cpuMsPerRequest });
      log(
        `      round ${round} ${s.key.padEnd(6)} ${f(r.reqPerS, 0).padStart(6)} req/s ` +
          ` p50 ${f(r.latencyP50Ms)} ms  non-2xx ${r.non2xx}  errors ` +
          (`${r.errors}  server CPU ${f(cpu.serverS, 2)} s (${f(cpuMsPerRequest, 2)} ms/request) ` +
            ` client ${f(cpu.clientS, 2)} s  others ${f(cpu.othersS, 2)} s`),
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
      cpuMsPerRequest: median(rs.map((r) => r.cpuMsPerRequest)),
      non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
      errors: rs.reduce((n, r) => n + r.errors + r.timeouts, 0),
      othersS: median(rs.map((r) => r.cpu.othersS)),
      runs: rs,
    };
  }
  return out;
}

/** Headers Kura sent with a variant, minus the per-connection ones, for the bare server to repeat. */
function replayable(headers) {
  const skip = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !skip.has(k)));
}

// ---------------------------------------------------------------------------------------------
// (d) 64 concurrent cold transforms of a 24 MP JPEG.

async function burst(server, bigPath, warmPath, log) {
  const pid = servingPidOf(server);
  const warm = await get(`${server.base}${warmPath}?w=100`);
  if (warm.status !== 200) throw new Error(`(d) warm-up answered ${warm.status}`);
  await sleep(1000);
  const rssBefore = rssOf(pid);
  const reset = resetPeakRss(pid);
  const hwmBefore = peakRssOf(pid);
  const sampler = startSampler(server.child.pid);
  const meter = cpuMeter(server.child.pid);
  const started = performance.now();
  // Full-size decodes (no JPEG shrink-on-load below half size) to JPEG: memory-heavy, quick to encode.
  const requests = Array.from({ length: BURST }, (_, i) =>
    get(`${server.base}${bigPath}?w=${3000 + i * 40}&fm=jpg&q=80`, { agent: fresh, timeoutMs: 180_000 }).then(
      (res) => ({ status: res.status, retryAfter: res.headers['retry-after'] ?? null, ms: res.ms }),
      (err) => ({ status: 0, error: String(err.message), ms: performance.now() - started }),
    ),
  );
  await sleep(500);
  const health = await get(`${server.base}/api/health`, { agent: fresh }).catch((err) => ({
    status: 0,
    ms: NaN,
    error: String(err),
  }));
  const answers = await Promise.all(requests);
  const seconds = (performance.now() - started) / 1000;
  const cpu = meter.stop();
  sampler.stop();
  const hwm = peakRssOf(pid);
  const rssAfter = rssOf(pid);
  const alive = (await get(`${server.base}/api/health`).catch(() => ({ status: 0 }))).status === 200;
  const count = (pred) => answers.filter(pred).length;
  const result = {
    requests: BURST,
    ok: count((a) => a.status === 200),
    busy: count((a) => a.status === 503),
    busyWithRetryAfter: count((a) => a.status === 503 && a.retryAfter !== null),
    other: count((a) => a.status !== 200 && a.status !== 503),
    otherStatuses: [...new Set(answers.filter((a) => a.status !== 200 && a.status !== 503).map((a) => a.status))],
    seconds,
    ok503P50Ms: median(answers.filter((a) => a.status === 503).map((a) => a.ms)) || null,
    okP50Ms: median(answers.filter((a) => a.status === 200).map((a) => a.ms)) || null,
    healthDuringMs: health.ms,
    healthDuringStatus: health.status,
    servingPid: pid,
    processes: descendants(server.child.pid).length,
    peakResetWorked: reset,
    rssBeforeMiB: rssBefore / MiB,
    hwmBeforeMiB: hwmBefore / MiB,
    peakRssMiB: hwm / MiB,
    peakGrowthMiB: (hwm - rssBefore) / MiB,
    rssAfterMiB: rssAfter / MiB,
    sampledTreePeakMiB: sampler.peak / MiB,
    aliveAfter: alive,
    cpu,
  };
  result.bounded = alive && result.other === 0 && result.busy > 0 && result.busyWithRetryAfter === result.busy;
  log(
    `  (d) ${BURST} concurrent cold transforms of ${BIG.width}×${BIG.height}: ` +
      `${result.ok} × 200, ${result.busy} × 503 (${result.busyWithRetryAfter} with ` +
      (`Retry-After), ${result.other} other; all answered in ${f(seconds, 1)} s; ` +
        `/api/health during it: ${health.status} in ${f(health.ms)} ms`),
  );
  log(
    `      serving pid ${pid} (${result.processes} process(es) in the tree); RSS before ` +
      `${mib(rssBefore)}, peak (VmHWM${reset ? ', reset before' : ', NOT reset: peak since start'}) ` +
      (`${mib(hwm)}, growth ${mib(hwm - rssBefore)}, after ${mib(rssAfter)}; server CPU ` +
        `${f(cpu.serverS, 1)} s, others ${f(cpu.othersS, 1)} s; alive after: ${alive}`),
  );
  return result;
}

// ---------------------------------------------------------------------------------------------
// (e) AVIF effort in this process.

function psnr(a, b) {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    sum += d * d;
  }
  const mse = sum / a.length;
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}

async function avifEffort(photo, log) {
  const width = 1200;
  const sized = () =>
    sharp(photo, { autoOrient: true }).resize({
      width,
      height: Math.round((width * PHOTO.height) / PHOTO.width),
      fit: 'fill',
    });
  const reference = await sized().raw().toBuffer();
  const measure = async (label, encode, runs) => {
    const times = [];
    const cpuTimes = [];
    let data;
    for (let i = 0; i < runs; i++) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      data = await encode(sized()).toBuffer();
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
    }
    const decoded = await sharp(data).removeAlpha().raw().toBuffer();
    const row = {
      label,
      ms: median(times),
      cpuMs: median(cpuTimes),
      runs,
      bytes: data.length,
      psnrDb: psnr(reference, decoded),
    };
    log(
      `  (e) ${label.padEnd(28)} ${f(row.ms, 0).padStart(6)} ms (CPU ${f(row.cpuMs, 0).padStart(5)} ms) ` +
        ` ${kib(row.bytes).padStart(10)}  PSNR ${f(row.psnrDb, 2)} dB${runs > 1 ? '' : '  (1 run)'}`,
    );
    return row;
  };
  const avif = (quality, effort) => (s) => s.avif({ quality, lossless: false, effort });
  // Kura's encoders at its default quality (q=75 when the URL has none), as render.ts's `encoded()` calls them.
  const rows = [];
  for (const effort of [0, 1, 2, 3, 4]) rows.push(await measure(`avif q75 effort ${effort}`, avif(75, effort), 3));
  const webp = await measure('webp q75 (default effort 4)', (s) => s.webp({ quality: 75, lossless: false }), 3);
  rows.push(webp, await measure('jpg q75', (s) => s.jpeg({ quality: 75 }), 3));

  // The same q is not the same quality in both formats: the lowest AVIF q (effort 0, the quickest to
  // search with) whose PSNR reaches WebP q75's, then every effort at that q: AVIF's bytes at WebP's quality.
  let lo = 1;
  let hi = 75;
  while (lo < hi) {
    const q = (lo + hi) >> 1;
    const decoded = await sharp(await avif(q, 0)(sized()).toBuffer())
      .removeAlpha()
      .raw()
      .toBuffer();
    if (psnr(reference, decoded) >= webp.psnrDb) hi = q;
    else lo = q + 1;
  }
  const matched = [];
  for (const effort of [0, 1, 2, 3, 4])
    matched.push(await measure(`avif q${lo} effort ${effort} (≈ webp)`, avif(lo, effort), 1));
  return { width, quality: 75, rows, matchedQuality: lo, matched };
}

// ---------------------------------------------------------------------------------------------

function machine() {
  const version = (pkg) =>
    JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  return {
    nproc: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: +(os.totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    sharp: version('sharp'),
    libvips: sharp.versions.vips,
    next: version('next'),
    autocannon: version('autocannon'),
    loadAverage1mBefore: os.loadavg()[0],
  };
}

export async function run({ log = console.log } = {}) {
  const deadline = setTimeout(() => {
    console.error(`bench/image-api: gave up after ${TOTAL_TIMEOUT_MS / 60000} minutes`);
    process.exit(1); // the exit handler kills the servers and deletes the temp dir
  }, TOTAL_TIMEOUT_MS);
  deadline.unref();
  const dir = trackDir(fs.mkdtempSync(path.join(os.tmpdir(), 'kura-bench-image-api-')));
  try {
    const build = requireBuild();
    const info = machine();
    log(
      `  build ${build}; sharp ${info.sharp} (libvips ${info.libvips}), next ${info.next}, ` +
        `autocannon ${info.autocannon}; load average ${f(info.loadAverage1mBefore, 2)}`,
    );
    if (info.loadAverage1mBefore > 0.5)
      log(
        '  note: the machine is busy before the run (load average > ' +
          '0.5): see "others" (CPU the rest of the machine used) per phase',
      );
    let t = Date.now();
    const files = await makeFixtures(dir);
    log(
      `  fixtures in ${((Date.now() - t) / 1000).toFixed(1)} s: ${PHOTO.width}×${PHOTO.height} JPEG ` +
        `${kib(fs.statSync(files.photo).size)}, ${BIG.width}×${BIG.height} JPEG ${mib(fs.statSync(files.big).size)}`,
    );
    const kura = {
      ...(await loadKuraModule('lib/image-api/parse-params.ts')),
      ...(await loadKuraModule('lib/image-api/render.ts')),
    };
    fs.rmSync(NEXT_IMAGE_CACHE, { recursive: true, force: true }); // Next's optimizer cache: cold means cold

    // (a), (c), (b) on one server with KURA_BENCH=1.
    const a = await startKura(path.join(dir, 'data-a'), { env: { KURA_BENCH: '1' }, nodeArgs: benchNodeArgs() });
    const aPid = servingPidOf(a);
    log(
      `  server (a)–(c): next start pid ${a.child.pid}, serving pid ${aPid}, ` +
        `${descendants(a.child.pid).length} process(es), KURA_BENCH=1`,
    );
    const photoPath = await uploadMedia(a, files.photo);
    const nextPath = await uploadMedia(a, files.photoNext);
    const afterPath = await uploadMedia(a, files.photoAfter);

    const cold = await coldVariants(a, photoPath, files, kura, log);
    const next = await nextCold(a, nextPath, afterPath, log);
    if (next.skipped) log(`  (c) SKIPPED: ${next.skipped}`);

    const hello = await get(`${a.base}/api/bench/hello`);
    if (hello.status !== 200)
      throw new Error(`/api/bench/hello answered ${hello.status} on a server started with KURA_BENCH=1`);
    const variantUrl = `${a.base}${nextPath}?w=640&q=75&fm=webp`;
    const variant = await get(variantUrl, { headers: { accept: ACCEPT } });
    if (variant.status !== 200) throw new Error(`the variant for (b) answered ${variant.status}`);
    const variantFile = path.join(dir, 'variant.webp');
    const headersFile = path.join(dir, 'variant-headers.json');
    fs.writeFileSync(variantFile, variant.body);
    fs.writeFileSync(headersFile, JSON.stringify(replayable(variant.headers)));
    const again = await get(variantUrl, { headers: { accept: ACCEPT } });
    if (again.headers['kura-cache'] !== 'hit')
      throw new Error(`the variant for (b) is not served from the cache (Kura-Cache: ${again.headers['kura-cache']})`);
    const barePort = await freePort();
    const bare = spawnTracked(
      [BASELINE_SERVER, String(barePort), variantFile, headersFile],
      { ...process.env },
      'bare node:http server',
    );
    await waitForHealth(bare, barePort);
    const sides = [
      {
        key: 'hello',
        title: 'GET /api/bench/hello (Response.json, same app)',
        url: `${a.base}/api/bench/hello`,
        headers: {},
        pid: a.child.pid,
      },
      {
        key: 'kura',
        title: `Kura cached variant (${variant.body.length} B WebP, Kura-Cache: hit)`,
        url: variantUrl,
        headers: { accept: ACCEPT },
        pid: a.child.pid,
      },
      {
        key: 'bare',
        title: 'bare node:http streaming the same file, same headers',
        url: `http://127.0.0.1:${barePort}/variant`,
        headers: { accept: ACCEPT },
        pid: bare.pid,
      },
    ];
    if (!next.skipped) {
      const nextUrl = `${a.base}/_next/image?url=${encodeURIComponent(nextPath)}&w=640&q=75`;
      const warm = await get(nextUrl, { headers: { accept: ACCEPT } });
      if (warm.headers['x-nextjs-cache'] !== 'HIT')
        throw new Error(`/_next/image w=640 is not cached (${warm.headers['x-nextjs-cache']})`);
      sides.push({
        key: 'next',
        title: `Next /_next/image cached (${warm.body.length} B WebP, x-nextjs-cache: HIT)`,
        url: nextUrl,
        headers: { accept: ACCEPT },
        pid: a.child.pid,
      });
    }
    log(
      `  (b) cached hits, autocannon ${CONNECTIONS} connections, ` +
        `${CANNON_ROUNDS} rounds × ${f(CANNON_SECONDS / CANNON_ROUNDS, 1)} s per side:`,
    );
    const hits = await cachedHits(sides, log);
    await stopProcess(bare);
    await stopProcess(a.child);
    fs.rmSync(NEXT_IMAGE_CACHE, { recursive: true, force: true });

    // (d) on a fresh server as production runs it (no KURA_BENCH): it also shows both switches off.
    const b = await startKura(path.join(dir, 'data-b'), { nodeArgs: benchNodeArgs() });
    const helloOff = (await get(`${b.base}/api/bench/hello`)).status;
    const bigPath = await uploadMedia(b, files.big);
    const warmPath = await uploadMedia(b, files.photo);
    const nextOff = (
      await get(`${b.base}/_next/image?url=${encodeURIComponent(warmPath)}&w=640&q=75`, { headers: { accept: ACCEPT } })
    ).status;
    log(
      `  server (d): production settings (KURA_BENCH unset): /api/bench/hello → ${helloOff}, /_next/image → ${nextOff}`,
    );
    const peak = await burst(b, bigPath, warmPath, log);
    await stopProcess(b.child);
    if (MEMORY_BASELINE) {
      const child = spawnTracked(
        [MEMORY_BASELINE_SCRIPT, files.big, String(peak.ok), '2'],
        { ...process.env },
        'memory baseline',
      );
      const code = await new Promise((resolve) => child.once('exit', resolve));
      await stopProcess(child);
      if (code !== 0) throw new Error(`the memory baseline failed:\n${child.output}`);
      peak.inProcess = JSON.parse(child.output.trim().split('\n').pop());
      log(
        `  (d) the same ${peak.ok} renders in a plain Node process, 2 at ` +
          `a time: peak RSS growth ${f(peak.inProcess.peakGrowthMiB)} MiB ` +
          (`(server ${f(peak.peakGrowthMiB)} MiB), after ` +
            `${f(peak.inProcess.rssAfterMiB)} MiB, ${f(peak.inProcess.seconds, 1)} s`),
      );
    }

    // (e) with no server running.
    t = Date.now();
    const avif = await avifEffort(files.photo, log);
    log(`  (e) took ${((Date.now() - t) / 1000).toFixed(0)} s`);

    if (buildId() !== build)
      log(
        `  WARNING: .next changed during the run (BUILD_ID ${build} -> ` +
          `${buildId()}): someone rebuilt; figures may mix builds`,
      );
    info.loadAverage1mAfter = os.loadavg()[0];
    const goals = {
      coldRatio: { goal: `<= ${GOALS.coldRatio}`, value: cold.ratio, met: cold.ratio <= GOALS.coldRatio },
      hitsOverHello: {
        goal: `>= ${GOALS.hitsOverHello}`,
        value: hits.kura.reqPerS / hits.hello.reqPerS,
        met: hits.kura.reqPerS / hits.hello.reqPerS >= GOALS.hitsOverHello,
      },
      burstBounded: {
        goal: 'every answer 200 or 503 + Retry-After, some 503, server alive',
        value: `${peak.ok} × 200, ${peak.busy} × 503, +${f(peak.peakGrowthMiB)} MiB`,
        met: peak.bounded,
      },
    };
    const result = {
      benchmark: 'image-api',
      date: new Date().toISOString(),
      buildId: build,
      machine: info,
      goals,
      cold,
      next,
      hits,
      burst: peak,
      avif,
      helloWithoutBench: helloOff,
      nextImageWithoutBench: nextOff,
    };
    fs.mkdirSync(TMP, { recursive: true });
    fs.writeFileSync(RESULTS_JSON, `${JSON.stringify(result, null, 2)}\n`);
    summary(result, log);
    return result;
  } finally {
    clearTimeout(deadline);
    await stopAll();
    fs.rmSync(dir, { recursive: true, force: true });
    forgetDir(dir);
  }
}

function summary(r, log) {
  const yes = (g) => (g.met ? 'MET' : 'NOT MET');
  const { cold, next, hits, burst: d, avif } = r;
  log('');
  log(`  image-api summary (medians)                                   value            goal`);
  log(
    `  (a) cold, HTTP p50 / in-process p50  ${f(cold.httpP50Ms)} / ${f(cold.inProcessP50Ms)} ms`.padEnd(64) +
      `${f(cold.ratio, 3).padEnd(17)}≤ 1.15  ${yes(r.goals.coldRatio)}`,
  );
  log(
    `      CPU for the 50, server / in-process ${f(cold.serverCpuS, 2)} / ${f(cold.inProcessCpuS, 2)} s`.padEnd(64) +
      f(cold.serverCpuS / cold.inProcessCpuS, 3),
  );
  log(
    (
      `  (b) hits: Kura ${f(hits.kura.reqPerS, 0)} req/s, hello ` +
      `${f(hits.hello.reqPerS, 0)}, bare ${f(hits.bare.reqPerS, 0)}`
    ).padEnd(64) + `${f(hits.kura.reqPerS / hits.hello.reqPerS, 3).padEnd(17)}≥ 0.7   ${yes(r.goals.hitsOverHello)}`,
  );
  log(`      Kura ÷ bare node:http`.padEnd(64) + f(hits.kura.reqPerS / hits.bare.reqPerS, 3));
  log(
    `      server CPU per request: Kura ${f(hits.kura.cpuMsPerRequest, 2)} ms, ` +
      `hello ${f(hits.hello.cpuMsPerRequest, 2)}, ` +
      `bare ${f(hits.bare.cpuMsPerRequest, 2)}${hits.next ? `, Next ${f(hits.next.cpuMsPerRequest, 2)}` : ''}`,
  );
  if (next.skipped) log(`  (c) skipped: ${next.skipped}`);
  else {
    log(
      `  (c) cold p50: Next ${f(next.next.p50Ms)} ms, Kura ${f(next.kura.p50Ms)} ms; Next ÷ Kura`.padEnd(64) +
        f(next.nextOverKura, 2),
    );
    log(
      (
        `      cold server CPU: Next ${f(next.next.serverCpuS, 2)} s, ` +
        `Kura ${f(next.kura.serverCpuS, 2)} s; Next ÷ Kura`
      ).padEnd(64) + f(next.next.serverCpuS / next.kura.serverCpuS, 2),
    );
    log(
      `      cached: Next ${f(hits.next.reqPerS, 0)} req/s; Next ÷ Kura`.padEnd(64) +
        f(hits.next.reqPerS / hits.kura.reqPerS, 3),
    );
  }
  log(
    `  (d) 64 × 24 MP: ${d.ok} × 200, ${d.busy} × 503; peak RSS growth`.padEnd(64) +
      `${f(d.peakGrowthMiB)} MiB`.padEnd(17) +
      `bounded ${yes(r.goals.burstBounded)}`,
  );
  if (d.inProcess)
    log(`      the same renders in a plain Node process`.padEnd(64) + `${f(d.inProcess.peakGrowthMiB)} MiB`);
  for (const row of [...avif.rows, ...avif.matched])
    log(
      `  (e) ${row.label}`.padEnd(40) +
        (`${f(row.ms, 0).padStart(6)} ms (CPU ${f(row.cpuMs, 0).padStart(5)}) ` +
          `${kib(row.bytes).padStart(11)}  ${f(row.psnrDb, 2)} dB`),
    );
  log(`  JSON: ${path.relative(ROOT, RESULTS_JSON)}`);
}

runIfMain(import.meta.url, run);
