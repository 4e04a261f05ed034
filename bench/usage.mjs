// Does counting usage slow delivery? Cached Image API hits (the hottest path: answered from memory) with
// counting on against the same server build with counting off (KURA_COUNT_USAGE=0, the bench knob), same run,
// alternating rounds of autocannon, medians. Goal: on ≥ 0.98 × off.
//
// Run alone: node bench/usage.mjs   Knobs (env): BENCH_USAGE_SECONDS (per round, default 5), BENCH_USAGE_ROUNDS
// (per side, default 6), BENCH_USAGE_CONNECTIONS (default 32).
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { get } from './lib/http-get.mjs';
import { requireBuild, startKura, uploadMedia } from './lib/kura-server.mjs';
import { TMP, runIfMain, stopAll, trackDir } from './lib/processes.mjs';
import { median } from './lib/stats.mjs';
import { syntheticPhoto } from './lib/synthetic-photo.mjs';

export const name = 'usage';

const SECONDS = Number(process.env.BENCH_USAGE_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_USAGE_ROUNDS ?? 6);
const CONNECTIONS = Number(process.env.BENCH_USAGE_CONNECTIONS ?? 32);

export async function run({ log }) {
  requireBuild();
  const root = path.join(TMP, `usage-${Date.now()}`);
  trackDir(root);
  const photo = path.join(root, 'photo.jpg');
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(photo, await syntheticPhoto(1600, 1200));
  try {
    const sides = {};
    for (const [side, count] of [
      ['on', '1'],
      ['off', '0'],
    ]) {
      const server = await startKura(path.join(root, side), { env: { KURA_COUNT_USAGE: count } });
      const url = `${server.base}${await uploadMedia(server, photo)}?w=300&fm=webp`;
      const first = await get(url); // rendered once; every request after is a hit
      if (first.status !== 200) throw new Error(`variant answered ${first.status}`);
      sides[side] = { server, url, rounds: [] };
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 ? ['off', 'on'] : ['on', 'off']) {
        const r = await autocannon({ url: sides[side].url, connections: CONNECTIONS, duration: SECONDS });
        if (r.non2xx || r.errors) throw new Error(`${side}: ${r.non2xx} non-2xx, ${r.errors} errors`);
        sides[side].rounds.push(r.requests.total / r.duration);
      }
    }
    const on = median(sides.on.rounds);
    const off = median(sides.off.rounds);
    const f = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
    log(`  cached variant hits, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s per side, alternating:`);
    log(`    counting on : median ${on.toFixed(0)} req/s (${f(sides.on.rounds)})`);
    log(`    counting off: median ${off.toFixed(0)} req/s (${f(sides.off.rounds)})`);
    log(`    on / off = ${(on / off).toFixed(3)} (goal ≥ 0.98)`);
    return { on, off, ratio: on / off };
  } finally {
    await stopAll();
  }
}

runIfMain(import.meta.url, run);
