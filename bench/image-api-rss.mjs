// Peak RSS growth of the Image API's worst *allowed* requests (the output budget refuses the rest):
//   (1) one request alone, (2) 8 distinct ones at once with KURA_IMAGE_RENDERS=2      goal: (2) under 600 MB
// Worst allowed: 8192×8192 outputs of a small PNG, plain (sharp streams it) and with effects that end a
// pass in a raw buffer (rot=90 + pad + border: 8192 px a side after them), each fresh (a cold variant).
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { API_KEY, requireBuild, startKura } from './lib/kura-server.mjs';
import { listeningPid, peakRssOf, resetPeakRss, rssOf } from './lib/proc.mjs';
import { TMP, runIfMain, sleep, stopProcess, trackDir } from './lib/processes.mjs';

export const name = 'image-api-rss';
const MiB = 1024 * 1024;

const WORST = {
  plain: (i) => `w=${8192 - i}&h=8192&fit=scale&fm=png`,
  effects: (i) => `w=8000&h=${7990 - i}&fit=scale&rot=90&pad=90&border=2,ff0000&fm=png`,
  // Effects that still take the step-by-step path (a raw buffer per step): a free angle, blur and a mask.
  stepwise: (i) => `w=2890&h=${2890 - i}&fit=scale&rot=45&blur=20&mask=ellipse&fm=png`,
};

async function measure(server, url, queries) {
  const pid = listeningPid(server.child.pid, server.port);
  await sleep(500);
  const before = rssOf(pid);
  resetPeakRss(pid);
  const started = performance.now();
  const statuses = await Promise.all(
    queries.map((q) => fetch(`${url}?${q}`).then(async (r) => (await r.arrayBuffer(), r.status))),
  );
  return {
    statuses,
    seconds: (performance.now() - started) / 1000,
    growthMiB: (peakRssOf(pid) - before) / MiB,
    beforeMiB: before / MiB,
  };
}

export async function run({ log }) {
  requireBuild();
  const dir = path.join(TMP, `rss-${Date.now()}`);
  trackDir(dir);
  fs.mkdirSync(dir, { recursive: true });
  const server = await startKura(dir, { env: { KURA_IMAGE_RENDERS: '2' } });
  try {
    const form = new FormData();
    const bytes = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#369' } })
      .png()
      .toBuffer();
    form.append('file', new Blob([bytes]), 'rss.png');
    const m = await (
      await fetch(`${server.base}/api/v1/media`, {
        method: 'POST',
        headers: { 'X-MICROCMS-API-KEY': API_KEY },
        body: form,
      })
    ).json();
    const results = {};
    let round = 0;
    for (const [kind, query] of Object.entries(WORST)) {
      const one = await measure(server, m.url, [query(round++)]);
      const eight = await measure(
        server,
        m.url,
        Array.from({ length: 8 }, () => query(round++)),
      );
      results[kind] = { one, eight };
      log(
        `  ${kind}: 1 request ${one.growthMiB.toFixed(0)} MiB peak ` +
          `growth (${one.seconds.toFixed(1)} s, ${one.statuses}); ` +
          (`8 at once ${eight.growthMiB.toFixed(0)} MiB (${eight.seconds.toFixed(1)} s, ` +
            `${eight.statuses}); RSS before ${eight.beforeMiB.toFixed(0)} MiB`),
      );
    }
    return results;
  } finally {
    await stopProcess(server.child);
  }
}

runIfMain(import.meta.url, run);
