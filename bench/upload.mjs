// bench/upload: uploads a 1 GiB file through Kura's API (POST /api/v1/media on a real `next start`)
// and, in the same run, through a bare node:http + busboy server writing the same file
// (bench/upload-baseline-server.mjs). Reports, as medians over alternating runs:
//   - throughput (file bytes / wall time from the first request byte to the end of the 201 answer),
//     and the ratio Kura / baseline                          goal: >= 0.95
//   - peak RSS growth of the server's process tree during the upload (sampled every 20 ms from
//     /proc), over its RSS just before (after small warm-up uploads, so lazily loaded modules
//     are in)                                                 goal: < 64 MiB
// Also shown, never part of the goals: "baseline+hwm", the same bare server with the 1 MiB write
// buffer Kura's storage uses (a tuned bare server), and any BENCH_UPLOAD_VARIANTS.
//
// Each run starts a fresh server on a fresh data dir and deletes it afterwards, so every run is a
// first big upload into a warm server, and disk use stays at the test file plus one copy. One
// uncounted baseline upload warms the machine up first. The client streams the file from disk
// (bench/.tmp, made once) in a hand-built multipart body with a Content-Length.
//
// Run alone: node bench/upload.mjs   Knobs (env): BENCH_UPLOAD_RUNS (default 5 per side),
// BENCH_UPLOAD_VARIANTS (see below), BENCH_UPLOAD_BYTES (default 1073741824; smaller only to try
// the bench itself), BENCH_KURA_NODE_OPTIONS (node flags for Kura's server, e.g.
// "--cpu-prof --cpu-prof-dir=bench/.tmp/prof").
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API_KEY, benchNodeArgs, buildId, startKura } from './lib/kura-server.mjs';
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
import { cpuMeter, descendants, startSampler, treeRss } from './lib/proc.mjs';
import { median } from './lib/stats.mjs';
import { uploadFile } from './lib/upload-client.mjs';

export const name = 'upload';

const BASELINE_SERVER = path.join(ROOT, 'bench', 'upload-baseline-server.mjs');
const RESULTS_JSON = path.join(TMP, 'upload-results.json');

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const FILE_BYTES = Number(process.env.BENCH_UPLOAD_BYTES || GiB);
const RUNS = Math.max(1, Number(process.env.BENCH_UPLOAD_RUNS || 5));
const GOAL_RATIO = 0.95;
const GOAL_RSS_BYTES = 64 * MiB;
const SAMPLE_MS = 20;
const UPLOAD_TIMEOUT_MS = 180_000;
const TOTAL_TIMEOUT_MS = 10 * 60_000;

// ---------------------------------------------------------------------------------------------
// The servers.

const SIDES = {
  kura: {
    title: 'Kura (next start, POST /api/v1/media)',
    path: '/api/v1/media',
    headers: { 'X-MICROCMS-API-KEY': API_KEY },
    start: (dir) => startKura(dir, { nodeArgs: benchNodeArgs() }),
  },
  baseline: baselineSide(''),
};

/** The bare server, or with some of Kura's costs added (see bench/upload-baseline-server.mjs). */
function baselineSide(features) {
  return {
    title: features ? `baseline+${features}` : 'baseline (node:http + busboy + createWriteStream flush)',
    path: '/upload',
    headers: {},
    async start(dir) {
      const port = await freePort();
      const child = spawnTracked(
        [BASELINE_SERVER, String(port), dir, features.replaceAll('+', ',')],
        { ...process.env },
        'baseline server',
      );
      await waitForHealth(child, port);
      return { child, port };
    },
  };
}

// More baselines in every round, reported but never part of the goals. By default "hwm": the bare
// server with the 1 MiB write buffer Kura's storage has, i.e. what a tuned bare server does.
// BENCH_UPLOAD_VARIANTS="hwm hwm+web hwm+hash hwm+gen hwm+als" weighs Kura's costs one by one;
// BENCH_UPLOAD_VARIANTS=none runs the plain baseline only.
const VARIANTS = (process.env.BENCH_UPLOAD_VARIANTS ?? 'hwm').split(/\s+/).filter((v) => v && v !== 'none');
for (const v of VARIANTS) SIDES[`baseline+${v}`] = baselineSide(v);

// ---------------------------------------------------------------------------------------------
// The test file and the client.

function ensureFile(file, bytes) {
  try {
    if (fs.statSync(file).size === bytes) return false;
  } catch {}
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const block = randomBytes(MiB);
  const partial = `${file}.part`;
  const fd = fs.openSync(partial, 'w');
  try {
    for (let written = 0, i = 0; written < bytes; i++) {
      block.writeUInt32BE(i, 0); // every MiB differs from the others
      const n = Math.min(MiB, bytes - written);
      fs.writeSync(fd, block, 0, n);
      written += n;
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(partial, file);
  return true;
}

function readThrough(file) {
  return new Promise((resolve, reject) => {
    const source = fs.createReadStream(file, { highWaterMark: 4 * MiB });
    source.on('data', () => {});
    source.on('end', resolve);
    source.on('error', reject);
  });
}

/** POSTs `file` as the multipart part `file`, streamed from disk with a Content-Length. */
const upload = (port, side, file, size, fileName) =>
  uploadFile({ port, path: side.path, headers: side.headers, file, size, fileName, timeoutMs: UPLOAD_TIMEOUT_MS });

// ---------------------------------------------------------------------------------------------
// One run: fresh server, warm-up, measured upload, stop, delete its data.

async function oneRun(sideName, index, files, build) {
  const side = SIDES[sideName];
  if (sideName === 'kura' && buildId() !== build)
    throw new Error(
      `.next changed during the bench (BUILD_ID ${build} -> ${buildId()}): someone rebuilt; run it again`,
    );
  const dir = path.join(TMP, `upload-${sideName}-${process.pid}-${index}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  trackDir(dir);
  let server;
  try {
    server = await side.start(dir);
    const pid = server.child.pid;
    for (let i = 0; i < 3; i++) {
      const warm = await upload(server.port, side, files.warmup, files.warmupBytes, `warmup-${i}.bin`);
      if (warm.status !== 201)
        throw new Error(`${side.title}: warm-up upload answered ${warm.status}: ${JSON.stringify(warm.body)}`);
    }
    spawnSync('sync'); // no dirty pages of earlier runs in the way
    await sleep(1000);
    const rssBefore = treeRss(pid);
    const cpu = cpuMeter(pid);
    const processes = descendants(pid).length;
    const sampler = startSampler(pid, SAMPLE_MS);
    let result;
    try {
      result = await upload(server.port, side, files.big, files.bigBytes, 'bench-1gib.bin');
    } finally {
      sampler.stop();
    }
    const used = cpu.stop();
    if (result.status !== 201)
      throw new Error(`${side.title}: upload answered ${result.status}: ${JSON.stringify(result.body)}`);
    const size = result.body?.size;
    if (size !== files.bigBytes)
      throw new Error(`${side.title}: the server stored ${size} bytes, expected ${files.bigBytes}`);
    return {
      side: sideName,
      run: index,
      seconds: result.ms / 1000,
      throughputMiBs: files.bigBytes / MiB / (result.ms / 1000),
      rssBeforeMiB: rssBefore / MiB,
      rssPeakMiB: sampler.peak / MiB,
      rssGrowthMiB: (sampler.peak - rssBefore) / MiB,
      rssSamples: sampler.samples,
      processes,
      serverCpuUserS: used.serverUserS,
      serverCpuSysS: used.serverSysS,
      clientCpuS: used.clientS,
      // CPU the rest of the machine used meanwhile: other people's work makes a run noisy.
      otherCpuS: used.othersS,
    };
  } finally {
    if (server) await stopProcess(server.child);
    fs.rmSync(dir, { recursive: true, force: true });
    forgetDir(dir);
  }
}

// ---------------------------------------------------------------------------------------------

const f = (x, digits = 1) => x.toFixed(digits);

export async function run({ log = console.log } = {}) {
  const deadline = setTimeout(() => {
    console.error(`bench/upload: gave up after ${TOTAL_TIMEOUT_MS / 60000} minutes`);
    process.exit(1); // the exit handler kills the servers
  }, TOTAL_TIMEOUT_MS);
  deadline.unref();
  try {
    fs.mkdirSync(TMP, { recursive: true });
    const build = buildId();
    if (!build)
      throw new Error(
        'No production build in .next: run `NEXT_TELEMETRY_DISABLED=1 ' +
          'node node_modules/next/dist/bin/next build` first',
      );
    const big = path.join(TMP, `upload-${FILE_BYTES}.bin`);
    const warmup = path.join(TMP, 'upload-warmup.bin');
    const warmupBytes = 2 * MiB + 12345;
    const t0 = Date.now();
    if (ensureFile(big, FILE_BYTES))
      log(`  wrote the test file ${path.relative(ROOT, big)} (${FILE_BYTES} bytes) in ${Date.now() - t0} ms`);
    ensureFile(warmup, warmupBytes);
    await readThrough(big); // into the page cache, so no run reads the disk for its source
    const files = { big, bigBytes: FILE_BYTES, warmup, warmupBytes };
    const free = fs.statfsSync(TMP);
    if (free.bavail * free.bsize < 2 * FILE_BYTES + GiB)
      throw new Error(`Not enough free disk under ${TMP} for one more copy of the test file`);

    const loadBefore = os.loadavg()[0];
    if (loadBefore > 0.5)
      log(
        `  note: 1-minute load average is ${loadBefore.toFixed(2)} before the ` +
          `runs: something else may be using the CPU (see "others" per run)`,
      );
    const runs = [];
    const pad = Math.max(...Object.keys(SIDES).map((k) => k.length));
    // Not counted: the first big write of a session is slow on these VMs (fresh guest memory for the
    // page cache), which would always land on whichever side goes first.
    const warm = await oneRun('baseline', 0, files, build);
    log(`  warm-up  baseline (not counted) ${f(warm.seconds, 2)} s`);
    for (let i = 0; i < RUNS; i++) {
      for (const sideName of Object.keys(SIDES)) {
        const r = await oneRun(sideName, i + 1, files, build);
        runs.push(r);
        log(
          `  run ${r.run} ${sideName.padEnd(pad)} ${f(r.seconds, 2).padStart(6)} s ` +
            ` ${f(r.throughputMiBs).padStart(6)} MiB/s  ` +
            (`RSS ${f(r.rssBeforeMiB)} -> ${f(r.rssPeakMiB)} MiB (+${f(r.rssGrowthMiB)})  server CPU ` +
              (`${f(r.serverCpuUserS, 2)}u+${f(r.serverCpuSysS, 2)}s  ` +
                `client ${f(r.clientCpuS, 2)}s  others ${f(r.otherCpuS, 2)}s`)),
        );
      }
    }

    const summarize = (sideName) => {
      const rs = runs.filter((r) => r.side === sideName);
      return {
        runs: rs.length,
        throughputMiBs: median(rs.map((r) => r.throughputMiBs)),
        seconds: median(rs.map((r) => r.seconds)),
        rssGrowthMiB: median(rs.map((r) => r.rssGrowthMiB)),
        rssGrowthMaxMiB: Math.max(...rs.map((r) => r.rssGrowthMiB)),
        rssBeforeMiB: median(rs.map((r) => r.rssBeforeMiB)),
        serverCpuS: median(rs.map((r) => r.serverCpuUserS + r.serverCpuSysS)),
      };
    };
    const kura = summarize('kura');
    const baseline = summarize('baseline');
    const variants = Object.fromEntries(VARIANTS.map((v) => [`baseline+${v}`, summarize(`baseline+${v}`)]));
    const ratio = kura.throughputMiBs / baseline.throughputMiBs;
    const pairRatios = [];
    for (let i = 1; i <= RUNS; i++) {
      const k = runs.find((r) => r.side === 'kura' && r.run === i);
      const b = runs.find((r) => r.side === 'baseline' && r.run === i);
      pairRatios.push(k.throughputMiBs / b.throughputMiBs);
    }
    const goals = {
      throughputRatio: { goal: `>= ${GOAL_RATIO}`, value: ratio, met: ratio >= GOAL_RATIO },
      rssGrowth: {
        goal: `< ${GOAL_RSS_BYTES / MiB} MiB`,
        valueMiB: kura.rssGrowthMiB,
        met: kura.rssGrowthMiB * MiB < GOAL_RSS_BYTES,
      },
    };
    const machine = {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: +(os.totalmem() / GiB).toFixed(1),
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
      loadAverage1mBefore: loadBefore,
      loadAverage1mAfter: os.loadavg()[0],
    };
    const result = {
      benchmark: 'upload',
      date: new Date().toISOString(),
      buildId: build,
      machine,
      fileBytes: FILE_BYTES,
      runsPerSide: RUNS,
      units: {
        throughput: 'MiB/s (file bytes / wall time to the end of the 201 answer)',
        rss: 'MiB, whole server process tree',
      },
      median: { kura, baseline, ...variants, ratio, pairRatios, medianPairRatio: median(pairRatios) },
      goals,
      runs,
    };
    fs.writeFileSync(RESULTS_JSON, `${JSON.stringify(result, null, 2)}\n`);

    const yes = (met) => (met ? 'MET' : 'NOT MET');
    const row = (label, s) =>
      `  ${label.padEnd(pad)} ${f(s.throughputMiBs).padStart(8)} MiB/s ${f(s.seconds, 2).padStart(8)} s ` +
      (`${f(s.rssGrowthMiB).padStart(9)} MiB ` +
        `${f(s.rssGrowthMaxMiB).padStart(9)} MiB ${f(s.serverCpuS, 2).padStart(9)} s`);
    log('');
    log(`  upload of ${FILE_BYTES} bytes, ${RUNS} runs per side alternating, medians`);
    log(
      `  ${''.padEnd(pad)} ${'throughput'.padStart(14)} ${'time'.padStart(10)} ` +
        `${'RSS growth'.padStart(13)} ${'(worst)'.padStart(13)} ${'server CPU'.padStart(11)}`,
    );
    log(row('kura', kura));
    log(row('baseline', baseline));
    for (const [label, v] of Object.entries(variants))
      log(`${row(label, v)}   x${f(v.throughputMiBs / baseline.throughputMiBs, 3)} of baseline`);
    log('');
    log(
      `  throughput kura/baseline: ${f(ratio, 3)} (per-run pairs: ` +
        `${pairRatios.map((x) => f(x, 3)).join(', ')})  goal >= ${GOAL_RATIO}: ${yes(goals.throughputRatio.met)}`,
    );
    log(
      `  Kura peak RSS growth:     ${f(kura.rssGrowthMiB)} MiB (worst run ` +
        `${f(kura.rssGrowthMaxMiB)} MiB)  goal < 64 MiB: ${yes(goals.rssGrowth.met)}`,
    );
    log(`  JSON: ${path.relative(ROOT, RESULTS_JSON)}`);
    return result;
  } finally {
    clearTimeout(deadline);
    await stopAll();
  }
}

runIfMain(import.meta.url, run);
