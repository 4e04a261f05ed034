import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { serverEnv } from './env';
import { resetTestDatabase, testDatabaseUrl } from './test-database.mjs';

const ROOT = path.resolve(__dirname, '../..');

/** Servers still running when the test worker exits (a test that timed out never reached its cleanup). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A Kura server of a test's own (for restarts and kills), on its own data dir and port. */
export class KuraServer {
  private child?: ChildProcess;
  output = '';

  constructor(
    readonly dataDir: string,
    readonly port: number,
    private readonly extraEnv: Record<string, string> = {},
  ) {}

  get baseURL() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    // A server left over by an earlier run would answer the health check for this one.
    if (!(await portIsFree(this.port)))
      throw new Error(`port ${this.port} is taken by another process (a server left over by an earlier run?)`);
    fs.mkdirSync(this.dataDir, { recursive: true });
    // On PostgreSQL a new data dir starts on an empty database too; a restart keeps both.
    const marker = path.join(this.dataDir, '.test-database');
    if (testDatabaseUrl(this.dataDir) && !fs.existsSync(marker)) {
      resetTestDatabase(this.dataDir);
      fs.writeFileSync(marker, '');
    }
    this.child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(this.port), '-H', '127.0.0.1'],
      {
        cwd: ROOT,
        env: { ...serverEnv(this.dataDir, this.port), ...this.extraEnv },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const child = this.child;
    running.add(child);
    child.once('exit', () => running.delete(child));
    this.child.stdout!.on('data', (d) => (this.output += d));
    this.child.stderr!.on('data', (d) => (this.output += d));
    const exited = new Promise<never>((_, reject) =>
      this.child!.once('exit', (code) =>
        reject(new Error(`Kura exited (${code}) before it answered:\n${this.output}`)),
      ),
    );
    exited.catch(() => {});
    await Promise.race([waitForHealth(this.baseURL, 30_000), exited]);
  }

  get pid() {
    return this.child?.pid;
  }

  /** SIGKILL: no shutdown hooks, no cleanup, as in a crash or an OOM kill. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

export async function waitForHealth(baseURL: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Kura did not answer /api/health at ${baseURL} within ${timeoutMs} ms`);
}
