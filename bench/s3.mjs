// bench/s3: Kura with media in an S3 bucket beside Kura on local disk, in the same run. Starts s3rver
// (a real S3-protocol server, the test suite's) on loopback and two `next start` servers, one storing on
// local disk and one with KURA_S3_* pointing at the bucket, then measures, the two sides alternating
// request by request so a shared machine's changing load weighs on both alike:
//   - upload throughput: a FILE_MIB file through POST /api/v1/media (median of RUNS), MiB/s;
//   - cold Image API: VARIANTS distinct variants (a new width each, so each one renders) of one
//     2400×1600 JPEG, one at a time: median latency. On S3 each render first reads the original
//     from the bucket;
//   - warm Image API: the same URLs three more times (variants come from the local disk cache).
// Reports the ratios S3 / local. No goals: s3rver writes to the same disk, so this measures Kura's S3
// path (SDK, multipart parts, object reads) rather than a real bucket's network.
// Run alone: node bench/s3.mjs   Knobs: BENCH_S3_RUNS (default 3), BENCH_S3_FILE_MIB (default 64),
// BENCH_S3_VARIANTS (default 24).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

export const name = 's3';

const ROOT = path.resolve(import.meta.dirname, '..');
const TMP = path.join(ROOT, 'bench', '.tmp', 's3');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const S3RVER_BIN = path.join(ROOT, 'node_modules', 's3rver', 'bin', 's3rver.js');
const RUNS = Math.max(1, Number(process.env.BENCH_S3_RUNS || 3));
const FILE_MIB = Math.max(1, Number(process.env.BENCH_S3_FILE_MIB || 64));
const VARIANTS = Math.max(2, Number(process.env.BENCH_S3_VARIANTS || 24));
const API_KEY = 'kura-bench-key-0123456789abcdef0';
const BUCKET = 'kura-bench';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const children = new Set();

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function launch(args, env) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  children.add(child);
  return { child, output: () => output };
}

function stopAll() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }
  children.clear();
}

async function startS3(dir) {
  const port = await freePort();
  const s3 = launch(
    [
      S3RVER_BIN,
      '-d',
      dir,
      '-a',
      '127.0.0.1',
      '-p',
      String(port),
      '--silent',
      '--no-vhost-buckets',
      '--configure-bucket',
      BUCKET,
    ],
    {},
  );
  for (let i = 0; i < 200 && !s3.output().includes('S3rver listening'); i++)
    await new Promise((r) => setTimeout(r, 50));
  if (!s3.output().includes('S3rver listening')) throw new Error(`s3rver did not start: ${s3.output()}`);
  return `http://127.0.0.1:${port}`;
}

async function startKura(dir, env) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const kura = launch([NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    KURA_DATA_DIR: dir,
    KURA_PUBLIC_URL: base,
    KURA_API_KEY: API_KEY,
    KURA_ADMIN_EMAIL: 'bench@kura.test',
    KURA_ADMIN_PASSWORD: 'bench password 123',
    KURA_MAX_UPLOAD_BYTES: String((FILE_MIB + 1) * 1024 * 1024),
    ...env,
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return base;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Kura did not start: ${kura.output()}`);
}

/** POST /api/v1/media with a hand-built multipart body written straight from the buffer (no FormData copy). */
function upload(base, name, bytes, type) {
  const boundary = '----kura-bench-s3';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL(`${base}/api/v1/media`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: url.pathname,
        agent: false,
        headers: {
          'X-MICROCMS-API-KEY': API_KEY,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': head.length + bytes.length + tail.length,
        },
      },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () =>
          res.statusCode === 201
            ? resolve(JSON.parse(body))
            : reject(new Error(`upload answered ${res.statusCode}: ${body}`)),
        );
      },
    );
    req.on('error', reject);
    req.write(head);
    req.write(bytes);
    req.end(tail);
  });
}

/** Fetches every URL, `inFlight` at a time (warm-up). */
async function fetchAll(urls, inFlight) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < urls.length) {
        const url = urls[next++];
        const t = performance.now();
        const res = await fetch(url);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/** Times one request to completion (body read); throws unless 200. */
async function timed(url) {
  const t = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - t;
}

/**
 * The two sides alternate request by request (upload by upload), so a machine whose load changes
 * during the run (a shared one) weighs on both alike.
 */
async function measure(sides, file, photo, log) {
  const upload_ = sides.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [n, side] of sides.entries()) {
      const t = performance.now();
      await upload(side.base, `big-${i}.bin`, file, 'application/octet-stream');
      upload_[n].push(FILE_MIB / ((performance.now() - t) / 1000));
    }
  }
  const images = [];
  for (const side of sides) images.push(await upload(side.base, 'photo.jpg', photo, 'image/jpeg'));
  const cold = sides.map(() => []);
  const warm = sides.map(() => []);
  for (let i = 0; i < VARIANTS; i++) {
    for (const n of sides.keys()) cold[n].push(await timed(`${images[n].url}?w=${300 + i * 10}&fm=webp`));
  }
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < VARIANTS; i++) {
      for (const n of sides.keys()) warm[n].push(await timed(`${images[n].url}?w=${300 + i * 10}&fm=webp`));
    }
  }
  return sides.map((side, n) => {
    const r = { label: side.label, uploadMiBs: median(upload_[n]), coldP50: median(cold[n]), warmP50: median(warm[n]) };
    log(
      `${side.label.padEnd(12)} upload ${FILE_MIB} MiB: ${r.uploadMiBs.toFixed(0)} MiB/s ` +
        `(runs ${upload_[n].map((x) => x.toFixed(0)).join(', ')})   ` +
        (`cold Image API p50 ${r.coldP50.toFixed(0)} ms (${(1000 / r.coldP50).toFixed(1)} variants/s ` +
          `one at a time)   warm p50 ${r.warmP50.toFixed(1)} ms`),
    );
    return r;
  });
}

export async function run({ log }) {
  fs.rmSync(TMP, { recursive: true, force: true });
  fs.mkdirSync(TMP, { recursive: true });
  const cap = setTimeout(() => {
    console.error('bench/s3 took more than 10 minutes: stopping');
    stopAll();
    process.exit(1);
  }, 10 * 60_000);
  try {
    const file = Buffer.alloc(FILE_MIB * 1024 * 1024);
    for (let i = 0; i < file.length; i += 4096) file.writeUInt32LE(i, i);
    const photo = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#3a6ea5' } })
      .composite([
        {
          input: Buffer.from(
            '<svg width="2400" height="1600"><circle cx="1200" cy="800" r="600" fill="#f4a261"/></svg>',
          ),
        },
      ])
      .jpeg({ quality: 90 })
      .toBuffer();
    const endpoint = await startS3(path.join(TMP, 's3rver'));
    const local = await startKura(path.join(TMP, 'local'), {});
    const bucket = await startKura(path.join(TMP, 'bucket'), {
      KURA_S3_BUCKET: BUCKET,
      KURA_S3_ENDPOINT: endpoint,
      KURA_S3_REGION: 'us-east-1',
      KURA_S3_FORCE_PATH_STYLE: '1',
      KURA_S3_ACCESS_KEY_ID: 'S3RVER',
      KURA_S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
    // Warm both servers (lazy modules, first sharp load) with a small upload and one variant.
    for (const base of [local, bucket]) {
      const w = await upload(base, 'warm.jpg', photo, 'image/jpeg');
      await fetchAll([`${w.url}?w=64`], 1);
    }
    const results = await measure(
      [
        { label: 'local disk', base: local },
        { label: 'S3 (s3rver)', base: bucket },
      ],
      file,
      photo,
      log,
    );
    log(
      `load average during the run: ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} on ${os.cpus().length} cores`,
    );
    const [l, s] = results;
    log(
      `S3 / local: upload throughput ${(s.uploadMiBs / l.uploadMiBs).toFixed(2)}   cold Image API latency ` +
        (`${(s.coldP50 / l.coldP50).toFixed(2)}   warm latency ` +
          `${(s.warmP50 / l.warmP50).toFixed(2)}   (runs ${RUNS}, ${VARIANTS} variants)`),
    );
    return results;
  } finally {
    clearTimeout(cap);
    stopAll();
    fs.rmSync(TMP, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await run({ log: (line) => console.log(line) });
}
