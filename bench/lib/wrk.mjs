// Load generation that measures the server, not the client: wrk (C, Debian package `wrk`) on a core of its own,
// the servers under test pinned to the other (taskset). autocannon is JavaScript and, on a 2-core machine, tops out
// near 1,600 req/s of its own: above that every server looks the same.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { descendants } from './proc.mjs';

const WRK = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => fs.existsSync(p)) ?? null;
const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => fs.existsSync(p)) ?? null;

/** Whether wrk and taskset are there and the machine has a core for each side. */
export const wrkAvailable = () => WRK !== null && TASKSET !== null && os.availableParallelism() >= 2;

/** The cores the servers get and the core wrk gets: wrk on the last one, servers on the rest. */
export function cores() {
  const n = os.availableParallelism();
  return { servers: n === 2 ? '0' : `0-${n - 2}`, client: String(n - 1) };
}

/** Pins every thread of every process of the tree rooted at pid to `cpus` (taskset list syntax). */
export function pinTree(pid, cpus) {
  for (const p of descendants(pid)) {
    try {
      execFileSync(TASKSET, ['-a', '-pc', cpus, String(p)], { stdio: 'ignore' });
    } catch {} // a process that exited meanwhile
  }
}

const UNIT_MS = { us: 1e-3, ms: 1, s: 1000, m: 60_000 };
const msOf = (text) => {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text);
  return m ? Number(m[1]) * UNIT_MS[m[2]] : NaN;
};

/**
 * One wrk run: one thread on `cpu`, `connections` keep-alive connections for `seconds`. Resolves to requests per
 * second, latency p50/p99 (ms), the request total, non-2xx/3xx answers and socket errors.
 */
export function wrk({ url, headers = {}, connections, seconds, cpu }) {
  const args = ['-c', cpu, WRK, '-t1', `-c${connections}`, `-d${seconds}s`, '--latency'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}: ${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(TASKSET, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`wrk exited ${code}: ${err || out}`));
      const total = Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN);
      const reqPerS = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
      const pct = (p) => msOf(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(out)?.[1] ?? '');
      const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
      resolve({
        reqPerS,
        latencyP50Ms: pct(50),
        latencyP99Ms: pct(99),
        total,
        non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
        errors: sock ? sock.slice(1).reduce((n, x) => n + Number(x), 0) : 0,
      });
    });
  });
}
