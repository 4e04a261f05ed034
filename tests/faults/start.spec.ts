import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { waitForHealth } from '../support/kura-server';
import { testPort } from '../support/env';
import { png } from '../support/media';

const ROOT = path.resolve(__dirname, '../..');

/** `npm start` exactly as the README says, with only the environment a first-time user would set. */
function npmStart(dataDir: string, port: number, env: Record<string, string> = {}) {
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(clean)) if (name.startsWith('KURA_') || name === 'AUTH_SECRET') delete clean[name];
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true, // its own process group, so the whole tree stops with it
    env: { ...clean, PORT: String(port), HOSTNAME: '127.0.0.1', KURA_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d));
  child.stderr!.on('data', (d: Buffer) => (output += d));
  return { child, output: () => output };
}

/** Stops `npm start` and everything it started, and waits until the whole process group is gone (and the port free). */
async function stop(child: ChildProcess) {
  if (child.exitCode === null) {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      process.kill(-child.pid!, 'SIGTERM');
    });
  }
  for (let i = 0; i < 200 && groupAlive(child.pid!); i++) await new Promise((r) => setTimeout(r, 50));
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function logIn(baseURL: string, email: string, password: string) {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = await (await ctx.get('/api/auth/csrf')).json();
  await ctx.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' } });
  const session = await (await ctx.get('/api/auth/session')).json();
  await ctx.dispose();
  return session as { user?: { email: string } };
}

test(
  'npm start on an empty data dir: migrates, creates ' + 'and prints the first admin, answers /api/health',
  async ({}, testInfo) => {
    const dataDir = path.join(testInfo.outputDir, 'data');
    const port = testPort(3231);
    const first = npmStart(dataDir, port);
    try {
      await waitForHealth(`http://127.0.0.1:${port}`, 60_000);
      // npm start with no KURA_DATABASE_URL: the embedded default, whatever database the other tests use.
      expect(await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).toMatchObject({
        ok: true,
        database: 'sqlite',
        storage: 'local',
        instance: fs.readFileSync(path.join(dataDir, 'instance-id'), 'utf8').trim(),
        freeBytes: expect.any(Number),
      });
      const password = /created Administrator admin@localhost with password: (\S+)/.exec(first.output())?.[1];
      expect(password, first.output()).toBeTruthy();
      expect(fs.existsSync(path.join(dataDir, 'kura.db'))).toBe(true);
      expect(fs.readFileSync(path.join(dataDir, 'auth-secret'), 'utf8').length).toBeGreaterThanOrEqual(32);
      expect((await logIn(`http://127.0.0.1:${port}`, 'admin@localhost', password!)).user?.email).toBe(
        'admin@localhost',
      );
      expect((await logIn(`http://127.0.0.1:${port}`, 'admin@localhost', 'wrong')).user).toBeUndefined();
    } finally {
      await stop(first.child);
    }

    // A second start keeps the admin, prints no password, and the old one still works.
    const second = npmStart(dataDir, port);
    try {
      await waitForHealth(`http://127.0.0.1:${port}`, 60_000);
      expect(second.output()).not.toContain('created Administrator');
    } finally {
      await stop(second.child);
    }
  },
);

test('npm start with KURA_ADMIN_EMAIL/PASSWORD and KURA_API_KEY provisions both', async ({}, testInfo) => {
  const dataDir = path.join(testInfo.outputDir, 'data');
  const port = testPort(3232);
  const key = 'provisioned-key-0123456789abcdef';
  const run = npmStart(dataDir, port, {
    KURA_ADMIN_EMAIL: 'Owner@Example.com',
    KURA_ADMIN_PASSWORD: 'a long enough password',
    KURA_API_KEY: key,
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base, 60_000);
    expect(run.output()).toContain('created Administrator owner@example.com');
    expect(run.output()).not.toContain('a long enough password');
    expect((await logIn(base, 'owner@example.com', 'a long enough password')).user?.email).toBe('owner@example.com');
    const body = new FormData();
    body.append('file', new Blob([Buffer.from('hello')]), 'hello.txt');
    const res = await fetch(`${base}/api/v1/media`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}` },
      body,
    });
    expect(res.status).toBe(201);
  } finally {
    await stop(run.child);
  }
});

type DemoPost = {
  title: string;
  body: string;
  eyecatch: { url: string; width: number; height: number };
  attachment: { url: string; fileSize: number };
  gallery: { url: string }[];
};

test(
  'npm start with KURA_DEMO=1 creates the blogs ' + 'API with one post using every media field, once',
  async ({}, testInfo) => {
    const dataDir = path.join(testInfo.outputDir, 'data');
    const port = testPort(3233);
    const base = `http://127.0.0.1:${port}`;
    const key = 'demo-key-0123456789abcdef0123';
    const env = { KURA_DEMO: '1', KURA_API_KEY: key, KURA_PUBLIC_URL: base };
    const posts = async () =>
      (await (await fetch(`${base}/api/v1/blogs`, { headers: { 'X-MICROCMS-API-KEY': key } })).json()) as {
        totalCount: number;
        contents: DemoPost[];
      };
    const first = npmStart(dataDir, port, env);
    try {
      await waitForHealth(base, 60_000);
      expect(first.output()).toContain('KURA_DEMO: created the API "blogs"');
      const list = await posts();
      expect(list.totalCount).toBe(1);
      const [post] = list.contents;
      expect(post).toMatchObject({
        title: 'Welcome to Kura',
        eyecatch: { width: 1200, height: 630 },
        attachment: { fileSize: expect.any(Number) },
      });
      expect(post.gallery).toHaveLength(2);
      expect(post.body).toMatch(
        new RegExp(
          `<img src="http://127\\.0\\.0\\.1:${port}/assets/[^"]+demo-dusk\\.jpg" alt="" width="800" height="600">`,
        ),
      );
      for (const url of [post.eyecatch.url, post.attachment.url, ...post.gallery.map((g: { url: string }) => g.url)]) {
        expect((await fetch(url)).status, url).toBe(200);
      }
    } finally {
      await stop(first.child);
    }
    const second = npmStart(dataDir, port, env);
    try {
      await waitForHealth(base, 60_000);
      expect(second.output()).not.toContain('KURA_DEMO: created');
      expect((await posts()).totalCount).toBe(1);
    } finally {
      await stop(second.child);
    }
  },
);

/** Waits for `npm start` to end by itself; a start that keeps running past `ms` is stopped and reported. */
async function exitOf(run: ReturnType<typeof npmStart>, ms = 60_000): Promise<number | null> {
  const timer = setTimeout(() => process.kill(-run.child.pid!, 'SIGKILL'), ms);
  try {
    if (run.child.exitCode !== null) return run.child.exitCode;
    return await new Promise((resolve) => run.child.once('exit', (code) => resolve(code)));
  } finally {
    clearTimeout(timer);
  }
}

test(
  'npm start with an invalid variable stops before listening: ' + 'each kind named with its rule, never Ready',
  async ({}, testInfo) => {
    const port = testPort(3234);
    const cases: [Record<string, string>, string][] = [
      [
        { KURA_WEBHOOK_SECRET: 'too short' },
        'KURA_WEBHOOK_SECRET: too short (fewer than 16 characters); accepted: at least 16 characters',
      ],
      [
        { KURA_MAX_UPLOAD_BYTES: 'ten megabytes' },
        'KURA_MAX_UPLOAD_BYTES: not a number; accepted: a whole number of at least 1',
      ],
      [{ KURA_PUBLIC_URL: 'kura.example.com' }, 'KURA_PUBLIC_URL: not a URL of the accepted kind; accepted: an http'],
      [
        { KURA_DATABASE_URL: 'postgres://kura@127.0.0.1:5432/kura' },
        'AUTH_SECRET: not set; with KURA_DATABASE_URL it must be given',
      ],
    ];
    for (const [env, line] of cases) {
      const run = npmStart(path.join(testInfo.outputDir, 'data'), port, env);
      expect(await exitOf(run), run.output()).not.toBe(0);
      expect(run.output()).toContain(line);
      expect(run.output()).toContain('[kura] cannot start');
      expect(run.output()).not.toContain('Ready');
    }
    // Several at once: one line each, all in the same start.
    const all = npmStart(path.join(testInfo.outputDir, 'data'), port, {
      ...cases[0][0],
      ...cases[1][0],
      ...cases[2][0],
    });
    expect(await exitOf(all)).not.toBe(0);
    expect(all.output()).toContain('3 problems');
    for (const [, line] of cases.slice(0, 3)) expect(all.output()).toContain(line);
  },
);

test(
  'npm start on an unwritable data dir or an unreachable ' + 'PostgreSQL stops before listening',
  async ({}, testInfo) => {
    const port = testPort(3235);
    const readOnly = path.join(testInfo.outputDir, 'read-only');
    fs.mkdirSync(readOnly, { recursive: true });
    // Root writes anywhere it has permission bits for: a read-only mount refuses it too.
    const root = process.getuid?.() === 0;
    if (root) execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', readOnly]);
    else fs.chmodSync(readOnly, 0o500);
    try {
      const run = npmStart(readOnly, port);
      expect(await exitOf(run), run.output()).not.toBe(0);
      expect(run.output()).toMatch(
        new RegExp(`KURA_DATA_DIR: ${readOnly.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be written \\(E[A-Z]+\\)`),
      );
      expect(run.output()).not.toContain('Ready');
    } finally {
      if (root) execFileSync('umount', [readOnly]);
      else fs.chmodSync(readOnly, 0o700);
    }
    // Nothing listens on this port: the database cannot be reached, and the password is never printed.
    const unreachable = npmStart(path.join(testInfo.outputDir, 'data'), port, {
      KURA_DATABASE_URL: `postgres://kura:not-printed@127.0.0.1:${testPort(3236)}/kura`,
      AUTH_SECRET: 'a-shared-secret-0123456789',
    });
    expect(await exitOf(unreachable), unreachable.output()).not.toBe(0);
    expect(unreachable.output()).toContain(
      `KURA_DATABASE_URL: PostgreSQL at 127.0.0.1:${testPort(3236)}/kura cannot be used (ECONNREFUSED`,
    );
    expect(unreachable.output()).not.toContain('not-printed');
    expect(unreachable.output()).not.toContain('Ready');
  },
);

/** The processes of `npm start`'s group whose command line says `match`, and the files each has mapped. */
function groupProcesses(pgid: number, match: string): { pid: number; mapped: string }[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
        const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
        const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
        if (pgrp !== pgid || !cmdline.includes(match)) return [];
        return [{ pid: Number(name), mapped: fs.readFileSync(`/proc/${name}/maps`, 'utf8') }];
      } catch {
        return []; // gone meanwhile
      }
    });
}

test(
  'npm start serves from the build: next.config.ts is not ' + 'compiled again, sharp loads with the first image',
  async ({}, testInfo) => {
    const dataDir = path.join(testInfo.outputDir, 'data');
    const port = testPort(3237);
    const key = 'lean-start-key-0123456789abcdef';
    const run = npmStart(dataDir, port, { KURA_API_KEY: key });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitForHealth(base, 60_000);
      const servers = groupProcesses(run.child.pid!, 'next-server');
      expect(servers).toHaveLength(1); // one Node process serving, no wrapper of ours beside it
      const mapped = () => groupProcesses(run.child.pid!, 'next-server')[0].mapped;
      // SWC (≈ 25 MiB resident) compiles next.config.ts; the build already holds its result.
      expect(mapped()).not.toMatch(/next-swc/);
      expect(mapped()).not.toMatch(/libvips/);
      // The configuration of the build is the one served: admin headers, and /assets rewritten to delivery.
      const login = await fetch(`${base}/login`);
      expect(login.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
      const body = new FormData();
      body.append('file', new Blob([new Uint8Array(await png(8, 8))], { type: 'image/png' }), 'first.png');
      const res = await fetch(`${base}/api/v1/media`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}` },
        body,
      });
      expect(res.status).toBe(201);
      const { url } = (await res.json()) as { url: string };
      expect((await fetch(url)).status).toBe(200);
      expect((await fetch(`${url}?w=16&fm=png`)).headers.get('content-type')).toBe('image/png');
      expect(mapped()).toMatch(/libvips/);
    } finally {
      await stop(run.child);
    }
  },
);
