// bench/image-api-overlays: cold text and watermark variants on a real `next start`, against the same pipeline
// written directly with sharp in this process (the baseline), and Kura's own render code run in this process.
// Medians throughout; it asserts nothing.
//   (og)   an Open Graph image: a 2048×1366 photo-like JPEG cropped to 1200×630 with a two-line title (Latin and
//          Japanese, bold, white, shadow), JPEG q80. Each request has its own title, so each is a cache miss.
//   (mark) a watermark: the photo at 1200 px wide with a 300×120 PNG logo (alpha) from the same service at 20 %
//          of the width, 60 % opacity, bottom right; each request its own padding, so each is a cache miss.
// Baseline: sharp's text input (Pango), a blurred copy for the shadow, `composite`, `jpeg` — what a hand-written
// sharp pipeline does for the same picture. goal: HTTP ≤ 1.1 × the baseline (wall time p50, and CPU).
//
// Run alone: node bench/image-api-overlays.mjs   Knob: BENCH_OVERLAY_REQUESTS (per case, default 15).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { get } from './lib/http-get.mjs';
import { requireBuild, startKura, uploadMedia } from './lib/kura-server.mjs';
import { loadKuraModule } from './lib/load-kura-module.mjs';
import { cpuMeter, treeCpu } from './lib/proc.mjs';
import { runIfMain, stopAll, trackDir, TMP } from './lib/processes.mjs';
import { median } from './lib/stats.mjs';
import { syntheticPhoto } from './lib/synthetic-photo.mjs';

export const name = 'image-api-overlays';

const REQUESTS = Math.max(3, Number(process.env.BENCH_OVERLAY_REQUESTS || 15));
const MAX_INPUT_PIXELS = 100_000_000;
const MAX_OUTPUT_PIXELS = 8192 * 8192;
const GOAL = 1.1;
const f = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : String(n));

const titleOf = (i) => `Kura bench title number ${i}\n日本語の見出し ${i}`;
const ogQuery = (i) =>
  new URLSearchParams({
    w: '1200',
    h: '630',
    fit: 'crop',
    txt: titleOf(i),
    'txt-size': '56',
    'txt-color': 'fff',
    'txt-font': 'sans-serif,bold',
    'txt-align': 'bottom,left',
    'txt-pad': '60',
    'txt-shad': '3',
    fm: 'jpg',
    q: '80',
  }).toString();
const markQuery = (i, logoPath) =>
  new URLSearchParams({
    w: '1200',
    mark: logoPath,
    'mark-scale': '20',
    'mark-alpha': '60',
    'mark-pad': String(24 + i),
    fm: 'jpg',
    q: '80',
  }).toString();

/** Raw RGBA of a sharp pipeline, as composite takes it (no encode, no decode in between). */
async function rawOf(image) {
  const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { input: data, raw: { width: info.width, height: info.height, channels: 4 } };
}

/** The same Open Graph image, written straight with sharp: text, a blurred shadow, one composite, JPEG. */
async function ogBaseline(photo, i) {
  const text = {
    text: `<span foreground="#ffffff">${titleOf(i)}</span>`,
    font: 'sans-serif Bold 56',
    dpi: 72,
    rgba: true,
  };
  const glyphs = await rawOf(sharp({ text }));
  const shadow = await rawOf(sharp(glyphs.input, { raw: glyphs.raw }).linear([0, 0, 0, 0.75], [0, 0, 0, 0]).blur(3));
  const top = 630 - 60 - glyphs.raw.height;
  return sharp(photo)
    .resize(1200, 630, { fit: 'cover' })
    .composite([
      { ...shadow, left: 63, top: top + 3 },
      { ...glyphs, left: 60, top },
    ])
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** The same watermark, written straight with sharp: the logo at 240 px and 60 %, one composite, JPEG. */
async function markBaseline(photo, logo, i) {
  const mark = await rawOf(sharp(logo).resize({ width: 240 }).ensureAlpha().linear([1, 1, 1, 0.6], [0, 0, 0, 0]));
  const { width, height } = await sharp(photo).metadata();
  const pad = 24 + i;
  const outHeight = Math.round((height * 1200) / width);
  return sharp(photo)
    .resize({ width: 1200 })
    .composite([{ ...mark, left: 1200 - pad - mark.raw.width, top: outHeight - pad - mark.raw.height }])
    .jpeg({ quality: 80 })
    .toBuffer();
}

async function timed(fn) {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await fn();
  const used = process.cpuUsage(cpu);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: (used.user + used.system) / 1000 };
}

/** One case: n cold requests over HTTP, n baseline renders and n in-process Kura renders, interleaved. */
async function measure(label, n, { http, baseline, kura }, server) {
  const rows = [];
  for (let i = 0; i < n + 1; i++) {
    const cpu = treeCpu(server.child.pid);
    const started = process.hrtime.bigint();
    const res = await http(i);
    const httpMs = Number(process.hrtime.bigint() - started) / 1e6;
    const used = treeCpu(server.child.pid);
    if (res.status !== 200 || res.headers['kura-cache'] !== 'miss')
      throw new Error(`${label} ${i}: ${res.status} ${res.headers['kura-cache']} ${res.body.toString().slice(0, 200)}`);
    const base = await timed(() => baseline(i));
    const own = await timed(() => kura(i));
    if (i === 0) continue; // warm-up: modules, fonts, the route
    rows.push({
      httpMs,
      serverCpuMs: (used.user + used.sys - cpu.user - cpu.sys) * 1000,
      baselineMs: base.ms,
      baselineCpuMs: base.cpuMs,
      kuraMs: own.ms,
      kuraCpuMs: own.cpuMs,
    });
  }
  const m = (key) => median(rows.map((r) => r[key]));
  return {
    requests: rows.length,
    httpP50Ms: m('httpMs'),
    baselineP50Ms: m('baselineMs'),
    kuraInProcessP50Ms: m('kuraMs'),
    ratio: m('httpMs') / m('baselineMs'),
    inProcessRatio: m('kuraMs') / m('baselineMs'),
    serverCpuP50Ms: m('serverCpuMs'),
    baselineCpuP50Ms: m('baselineCpuMs'),
    kuraCpuP50Ms: m('kuraCpuMs'),
    cpuRatio: m('serverCpuMs') / m('baselineCpuMs'),
    rows,
  };
}

export async function run({ log = console.log } = {}) {
  const build = requireBuild();
  const dir = trackDir(fs.mkdtempSync(path.join(os.tmpdir(), 'kura-bench-overlays-')));
  try {
    log(
      `  build ${build}; sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips}); load ${f(os.loadavg()[0], 2)}`,
    );
    const photo = path.join(dir, 'photo.jpg');
    const logo = path.join(dir, 'logo.png');
    fs.writeFileSync(photo, await syntheticPhoto(2048, 1366));
    const word = await sharp({
      text: { text: '<span foreground="#ffffff">KURA</span>', font: 'sans-serif Bold 72', rgba: true },
    })
      .png()
      .toBuffer();
    fs.writeFileSync(
      logo,
      await sharp({ create: { width: 300, height: 120, channels: 4, background: { r: 20, g: 40, b: 90, alpha: 0.5 } } })
        .composite([{ input: word, gravity: 'centre' }])
        .png()
        .toBuffer(),
    );
    const kura = {
      ...(await loadKuraModule('lib/image-api/parse-params.ts')),
      ...(await loadKuraModule('lib/image-api/render.ts')),
    };
    const server = await startKura(path.join(dir, 'data'));
    const photoPath = await uploadMedia(server, photo);
    const logoPath = await uploadMedia(server, logo);
    const limits = { maxInputPixels: MAX_INPUT_PIXELS, maxOutputPixels: MAX_OUTPUT_PIXELS };
    const plan = (query) => kura.parseImageParams(new URLSearchParams(query));

    const meter = cpuMeter(server.child.pid);
    const og = await measure(
      'og',
      REQUESTS,
      {
        http: (i) => get(`${server.base}${photoPath}?${ogQuery(i)}`),
        baseline: (i) => ogBaseline(photo, i),
        kura: (i) => kura.renderImage(photo, plan(ogQuery(1000 + i)), limits),
      },
      server,
    );
    const mark = await measure(
      'mark',
      REQUESTS,
      {
        http: (i) => get(`${server.base}${photoPath}?${markQuery(i, logoPath)}`),
        baseline: (i) => markBaseline(photo, logo, i),
        kura: (i) =>
          kura.renderImage(photo, kura.withMarkSource(plan(markQuery(500 + i, logoPath)), 'bench'), {
            ...limits,
            mark: { input: logo, plan: null },
          }),
      },
      server,
    );
    const cpu = meter.stop();
    for (const [label, r] of [
      ['og  ', og],
      ['mark', mark],
    ]) {
      log(
        `  (${label}) ${r.requests} cold: HTTP p50 ${f(r.httpP50Ms)} ms, sharp baseline ${f(r.baselineP50Ms)} ms, ` +
          `Kura in-process ${f(r.kuraInProcessP50Ms)} ms; HTTP ÷ baseline ${f(r.ratio, 3)} (goal ≤ ${GOAL}: ` +
          `${r.ratio <= GOAL ? 'met' : 'not met'}), in-process ÷ baseline ${f(r.inProcessRatio, 3)}`,
      );
      log(
        `         CPU p50: server ${f(r.serverCpuP50Ms)} ms, baseline ${f(r.baselineCpuP50Ms)} ms, ` +
          `Kura in-process ${f(r.kuraCpuP50Ms)} ms; server ÷ baseline ${f(r.cpuRatio, 3)}`,
      );
    }
    log(`  others (rest of the machine): ${f(cpu.othersS, 2)} s of CPU in ${f(cpu.wallS, 1)} s`);
    const results = { date: new Date().toISOString(), build, og, mark, cpu };
    fs.mkdirSync(TMP, { recursive: true });
    fs.writeFileSync(path.join(TMP, 'image-api-overlays-results.json'), JSON.stringify(results, null, 2));
    return results;
  } finally {
    await stopAll();
  }
}

runIfMain(import.meta.url, run);
