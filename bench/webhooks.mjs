// bench/webhooks: what the webhook outbox costs and sustains. Starts `next start` with a media webhook
// from the environment pointing at a receiver in this process (node:http, answers 204 at once), adds two
// more webhooks to the same receiver (copies of the first row: same sealed secret), then measures:
//   - added latency of an upload: POST /api/v1/media of a small PNG with the three webhooks enabled
//     and with all three disabled, alternating request by request (enqueue is decided in the upload's
//     transaction, so the toggle applies at once): p50 of each and the difference. Goal: the upload does
//     not wait for any delivery (the difference is the outbox rows only, not a network round trip).
//   - events per second: EVENTS alt-text changes (PATCH /api/v1/media/{id}, one after the other) with
//     one webhook enabled; the time from the first change until the receiver has every event, and the
//     lag of the last event behind its change. One webhook's events go out one at a time, in order.
// Run alone: node bench/webhooks.mjs   Knobs: BENCH_WEBHOOK_UPLOADS (default 40), BENCH_WEBHOOK_EVENTS (500).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { API_KEY, requireBuild, startKura } from './lib/kura-server.mjs';
import { cpuMeter } from './lib/proc.mjs';
import { TMP, runIfMain, stopProcess } from './lib/processes.mjs';
import { median } from './lib/stats.mjs';

export const name = 'webhooks';

const UPLOADS = Math.max(4, Number(process.env.BENCH_WEBHOOK_UPLOADS || 40));
const EVENTS = Math.max(10, Number(process.env.BENCH_WEBHOOK_EVENTS || 500));
const SECRET = 'kura-bench-webhook-secret-0123456789';

function startReceiver() {
  const arrivals = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      arrivals.push({ at: performance.now(), type: req.headers['x-kura-event-type'] });
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ arrivals, url: `http://127.0.0.1:${server.address().port}/hook`, close: () => server.close() }),
    ),
  );
}

async function timed(fn) {
  const started = performance.now();
  const res = await fn();
  return { res, ms: performance.now() - started };
}

export async function run({ log }) {
  requireBuild();
  const dir = path.join(TMP, 'webhooks');
  fs.rmSync(dir, { recursive: true, force: true });
  const receiver = await startReceiver();
  const kura = await startKura(dir, { env: { KURA_MEDIA_WEBHOOK_URL: receiver.url, KURA_WEBHOOK_SECRET: SECRET } });
  const db = new Database(path.join(dir, 'kura.db'));
  try {
    for (const n of [2, 3]) {
      db.prepare(
        `insert into webhooks (id, api_id, name, url, secret_sealed, events, enabled, source)
         select lower(hex(randomblob(16))), null, 'bench ' || ?, url, secret_sealed, events, 1, 'settings'
         from webhooks where source = 'env'`,
      ).run(n);
    }
    const setEnabled = (on) => db.prepare('update webhooks set enabled = ?').run(on ? 1 : 0);
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366cc' } })
      .png()
      .toBuffer();
    const upload = () => {
      const form = new FormData();
      form.append('file', new Blob([png], { type: 'image/png' }), 'bench.png');
      return fetch(`${kura.base}/api/v1/media`, {
        method: 'POST',
        headers: { 'X-MICROCMS-API-KEY': API_KEY },
        body: form,
      }).then(async (r) => {
        if (r.status !== 201) throw new Error(`upload answered ${r.status}`);
        return r.json();
      });
    };

    // Warm-up, then alternate: three webhooks on / all off.
    for (let i = 0; i < 4; i++) await upload();
    const withHooks = [];
    const without = [];
    const meter = cpuMeter(kura.child.pid);
    for (let i = 0; i < UPLOADS; i++) {
      const on = i % 2 === 0;
      setEnabled(on);
      (on ? withHooks : without).push((await timed(upload)).ms);
    }
    const uploadCpu = meter.stop();
    setEnabled(true);
    const p50With = median(withHooks);
    const p50Without = median(without);
    log(
      `upload p50 with 3 webhooks ${p50With.toFixed(1)} ms, with none ${p50Without.toFixed(1)} ms: added ` +
        (`${(p50With - p50Without).toFixed(1)} ms (others ` +
          `${uploadCpu.othersS.toFixed(1)} s of CPU in ${uploadCpu.wallS.toFixed(1)} s)`),
    );

    // Events per second through one webhook: (1) live, changes made one after the other; (2) a backlog
    // of EVENTS pending deliveries (made while the target was unreachable) drained once it answers.
    db.prepare("update webhooks set enabled = case when source = 'env' then 1 else 0 end").run();
    await new Promise((r) => setTimeout(r, 2000)); // let the uploads' deliveries finish
    const target = await upload();
    const change = async (i) => {
      const r = await fetch(`${kura.base}/api/v1/media/${target.id}`, {
        method: 'PATCH',
        headers: { 'X-MICROCMS-API-KEY': API_KEY, 'Content-Type': 'application/json' },
        body: JSON.stringify({ alt: `alt ${i}` }),
      });
      if (r.status !== 200) throw new Error(`PATCH answered ${r.status}`);
      await r.arrayBuffer();
    };
    const until = async (count) => {
      const deadline = Date.now() + 180_000;
      while (receiver.arrivals.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      return receiver.arrivals.length >= count;
    };
    await until(receiver.arrivals.length + 1);

    const live = receiver.arrivals.length;
    const liveStart = performance.now();
    for (let i = 0; i < EVENTS; i++) await change(i);
    const liveEnd = performance.now();
    await until(live + EVENTS);
    const liveLag = receiver.arrivals.at(-1).at - liveEnd;
    log(
      `live: ${EVENTS} changes at ${(EVENTS / ((liveEnd - liveStart) / 1000)).toFixed(0)}/s, ` +
        `every event delivered as it was made (last ${liveLag.toFixed(0)} ms after its change)`,
    );

    db.prepare("update webhooks set url = 'http://127.0.0.1:9/unreachable' where source = 'env'").run();
    await change(-1); // its first attempt fails: the line waits for the retry
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < EVENTS; i++) await change(EVENTS + i);
    const pending = db.prepare("select count(*) from deliveries where state = 'pending'").pluck().get();
    db.prepare('update webhooks set url = ? where source = ?').run(receiver.url, 'env');
    const backlog = receiver.arrivals.length;
    const meter2 = cpuMeter(kura.child.pid);
    await until(backlog + EVENTS + 1); // drained at the retry (2.5–5 s after the failure)
    const cpu = meter2.stop();
    const drained = receiver.arrivals.slice(backlog);
    const seconds = (drained.at(-1).at - drained[0].at) / 1000;
    const rate = (drained.length - 1) / seconds;
    log(
      `backlog: ${pending} pending deliveries drained at ${rate.toFixed(0)} events/s (${drained.length} in ` +
        `${seconds.toFixed(2)} s; server CPU ${cpu.serverS.toFixed(2)} s, others ${cpu.othersS.toFixed(1)} s)`,
    );
    return { uploadP50With: p50With, uploadP50Without: p50Without, eventsPerSecond: rate, liveLagMs: liveLag };
  } finally {
    db.close();
    await stopProcess(kura.child);
    receiver.close();
  }
}

runIfMain(import.meta.url, run);
