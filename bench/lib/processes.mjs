// Processes a benchmark starts: each in its own process group, killed (group and all) on the way out,
// whatever happens, with the temp dirs registered beside them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const TMP = path.join(ROOT, 'bench', '.tmp');

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const live = new Set();
const liveDirs = new Set();

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {}
  }
}

process.on('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
  for (const dir of liveDirs) fs.rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

/** A directory deleted at exit, whatever happens; `forgetDir` once it is deleted or kept on purpose. */
export function trackDir(dir) {
  liveDirs.add(dir);
  return dir;
}
export const forgetDir = (dir) => liveDirs.delete(dir);

/** SIGTERM to the child's group, SIGKILL after 5 s, then SIGKILL to whatever is left in the group. */
export async function stopProcess(child) {
  if (!live.has(child)) return;
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise((r) => child.once('exit', r));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  killGroup(child, 'SIGKILL'); // anything left in its group
  live.delete(child);
}

export async function stopAll() {
  for (const child of [...live]) await stopProcess(child);
}

/** `node <args>` in ROOT, detached into its own group; the last ~100 kB of its output in `child.output`. */
export function spawnTracked(args, env, label) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  live.add(child);
  child.output = '';
  const keep = (d) => {
    child.output += d;
    if (child.output.length > 100_000) child.output = child.output.slice(-50_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.label = label;
  return child;
}

export const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

/** Waits until GET /api/health answers 200; throws with the child's output if it exits or times out. */
export async function waitForHealth(child, port, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${child.label} exited before it was ready:\n${child.output}`);
    const status = await new Promise((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/health', timeout: 5000 }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      });
      req.on('error', () => resolve(0));
      req.on('timeout', () => req.destroy());
    });
    if (status === 200) return;
    await sleep(200);
  }
  throw new Error(`${child.label} did not answer GET /api/health with 200 within ${timeoutMs} ms:\n${child.output}`);
}

/** `node bench/<name>.mjs` runs that benchmark alone: exit 0 when it resolves, 1 (with the error) when it throws. */
export function runIfMain(moduleUrl, run) {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  run({ log: console.log }).then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
