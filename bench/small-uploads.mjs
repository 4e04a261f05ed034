// bench/small-uploads: many small files uploaded one after another through Kura's API (POST /api/v1/media on a real
// `next start`), as an editor's drop of a folder or a migration script sends them, beside two baselines measured in
// the same run, sides alternating file by file:
//   (i)  the bare node:http + busboy server that fsyncs each file (bench/upload-baseline-server.mjs, as bench/upload
//        uses): what receiving and storing the bytes costs at the least
//   (ii) raw sharp in this process: the one decode Kura must make of an image (header and a 64-pixel rendition for
//        its placeholders), on the same bytes
// for two kinds of file: photos (1600×1067 JPEG, ≈ 445 KiB) and icons (64×64 PNG). Reports medians per upload
// (wall time from the first request byte to the end of the answer) and the server's mean CPU per upload. No goal:
// Kura does far more per file (sniffing, hashing, placeholders, a transaction, Activity, webhooks); the figures
// track that cost.
//
// Run alone: node bench/small-uploads.mjs   Knobs (env): BENCH_SMALL_UPLOADS (files of each kind, default 30).
// Results: bench/.tmp/small-uploads-results.json.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { API_KEY, benchNodeArgs, buildId, requireBuild, startKura } from './lib/kura-server.mjs';
import { treeCpu } from './lib/proc.mjs';
import { ROOT, TMP, freePort, runIfMain, spawnTracked, stopAll, trackDir, waitForHealth } from './lib/processes.mjs';
import { median } from './lib/stats.mjs';
import { syntheticPhoto } from './lib/synthetic-photo.mjs';
import { uploadFile } from './lib/upload-client.mjs';

export const name = 'small-uploads';

const RESULTS_JSON = path.join(TMP, 'small-uploads-results.json');
const BASELINE_SERVER = path.join(ROOT, 'bench', 'upload-baseline-server.mjs');
const COUNT = Math.max(3, Number(process.env.BENCH_SMALL_UPLOADS || 30));
const WARM_UP = 3;

const f = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));

/** `COUNT` + warm-up files of each kind, each different (a photo's layout follows its seed; an icon's colour). */
async function makeFiles(dir) {
  const kinds = { photo: [], icon: [] };
  for (let i = 0; i < COUNT + WARM_UP; i++) {
    const photo = path.join(dir, `photo-${i}.jpg`);
    fs.writeFileSync(photo, await syntheticPhoto(1600, 1067, { seed: 100 + i }));
    kinds.photo.push(photo);
    const icon = path.join(dir, `icon-${i}.png`);
    const background = { r: (i * 37) % 256, g: (i * 91) % 256, b: (i * 53) % 256 };
    fs.writeFileSync(
      icon,
      await sharp({ create: { width: 64, height: 64, channels: 4, background } })
        .png()
        .toBuffer(),
    );
    kinds.icon.push(icon);
  }
  return kinds;
}

/** One upload to a server; resolves to its wall time and the server's CPU time, in ms. */
async function upload(side, file) {
  const before = treeCpu(side.pid);
  const res = await uploadFile({
    port: side.port,
    path: side.path,
    headers: side.headers,
    file,
    fileName: path.basename(file),
  });
  if (res.status !== 201) throw new Error(`${side.title}: ${path.basename(file)} answered ${res.status}`);
  const after = treeCpu(side.pid);
  return { ms: res.ms, cpuMs: (after.user + after.sys - before.user - before.sys) * 1000 };
}

/** The image work alone: the header and the 64-pixel rendition, as Kura's upload makes them. */
async function decodeOnly(file) {
  const started = process.hrtime.bigint();
  const bytes = await fs.promises.readFile(file);
  await sharp(bytes).metadata();
  await sharp(bytes).rotate().resize(64, 64, { fit: 'inside' }).ensureAlpha().raw().toBuffer();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

export async function run({ log }) {
  fs.mkdirSync(TMP, { recursive: true });
  const dir = trackDir(fs.mkdtempSync(path.join(TMP, 'small-uploads-')));
  try {
    const build = requireBuild();
    log(`  build ${build}; ${COUNT} files of each kind, after ${WARM_UP} uncounted`);
    const files = await makeFiles(dir);
    const kura = await startKura(path.join(dir, 'data'), { nodeArgs: benchNodeArgs() });
    const barePort = await freePort();
    const bareChild = spawnTracked(
      [BASELINE_SERVER, String(barePort), path.join(dir, 'bare')],
      { ...process.env },
      'baseline',
    );
    await waitForHealth(bareChild, barePort);
    const sides = {
      kura: {
        title: 'Kura',
        pid: kura.child.pid,
        port: kura.port,
        path: '/api/v1/media',
        headers: { 'X-MICROCMS-API-KEY': API_KEY },
      },
      bare: { title: 'bare busboy + fsync', pid: bareChild.pid, port: barePort, path: '/upload', headers: {} },
    };
    const results = {};
    for (const [kind, list] of Object.entries(files)) {
      const samples = { kura: [], bare: [], sharp: [] };
      for (const [i, file] of list.entries()) {
        // Alternating which side goes first, so neither always meets a machine the other just woke.
        const order = i % 2 === 0 ? ['kura', 'bare', 'sharp'] : ['sharp', 'bare', 'kura'];
        for (const side of order) {
          const one = side === 'sharp' ? await decodeOnly(file) : await upload(sides[side], file);
          if (i >= WARM_UP) samples[side].push(one);
        }
      }
      const p50 = (side) => median(samples[side].map((s) => s.ms));
      // CPU time is counted in ticks of 10 ms: the mean over all uploads, not a median of ticks.
      const cpu = (side) => samples[side].reduce((sum, s) => sum + s.cpuMs, 0) / samples[side].length;
      const r = {
        bytes: median(list.map((file) => fs.statSync(file).size)),
        kuraMs: p50('kura'),
        bareMs: p50('bare'),
        sharpMs: p50('sharp'),
        kuraCpuMs: cpu('kura'),
        bareCpuMs: cpu('bare'),
      };
      r.overBare = r.kuraMs / r.bareMs;
      r.overBareAndSharp = r.kuraMs / (r.bareMs + r.sharpMs);
      results[kind] = r;
      log(
        `  ${kind}s (${f(r.bytes / 1024)} KiB): Kura p50 ${f(r.kuraMs)} ms (server CPU ${f(r.kuraCpuMs)} ms); bare ` +
          `${f(r.bareMs)} ms (CPU ${f(r.bareCpuMs)} ms); sharp decode alone ${f(r.sharpMs)} ms; Kura ÷ bare ` +
          `${f(r.overBare, 2)}, ÷ (bare + decode) ${f(r.overBareAndSharp, 2)}`,
      );
    }
    fs.writeFileSync(
      RESULTS_JSON,
      JSON.stringify({ build: buildId(), at: new Date().toISOString(), results }, null, 2),
    );
    return results;
  } finally {
    await stopAll();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runIfMain(import.meta.url, run);
