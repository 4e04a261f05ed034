// Kura's production server as the benchmarks run it: `next start` of the existing build on a data dir
// of the bench's, with the bench's API key and Administrator, and no KURA_* setting of the shell.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, freePort, spawnTracked, waitForHealth } from './processes.mjs';
import { uploadFile } from './upload-client.mjs';

export const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
export const API_KEY = 'kura-bench-key-0123456789abcdef0'; // 32 characters
export const ADMIN = { email: 'bench@kura.test', password: 'benchpassword1' };

const BUILD_ID_FILE = path.join(ROOT, '.next', 'BUILD_ID');

/** The BUILD_ID of the production build in .next, or null when there is none. */
export function buildId() {
  try {
    return fs.readFileSync(BUILD_ID_FILE, 'utf8').trim();
  } catch {
    return null;
  }
}

export function requireBuild() {
  const id = buildId();
  if (!id) throw new Error('No production build in .next: run `npx next build` (or `npm start` once) first');
  return id;
}

/** Node flags for Kura's server from BENCH_KURA_NODE_OPTIONS (e.g. "--cpu-prof --cpu-prof-dir=bench/.tmp/prof"). */
export const benchNodeArgs = () => (process.env.BENCH_KURA_NODE_OPTIONS || '').split(/\s+/).filter(Boolean);

/**
 * Starts `next start` on 127.0.0.1 and `port` (else a free one) with `dir` as KURA_DATA_DIR; resolves once
 * /api/health answers 200. `env` adds variables (e.g. KURA_BENCH, KURA_DATABASE_URL), `nodeArgs` node flags
 * (e.g. --cpu-prof), `admin` the first Administrator's credentials.
 */
export async function startKura(dir, { env: extra = {}, nodeArgs = [], admin = ADMIN, port: given } = {}) {
  const port = given ?? (await freePort());
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('KURA_')) delete env[k]; // defaults, whatever the shell says
  Object.assign(env, {
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    KURA_DATA_DIR: dir,
    KURA_PUBLIC_URL: `http://127.0.0.1:${port}`,
    KURA_API_KEY: API_KEY,
    KURA_ADMIN_EMAIL: admin.email,
    KURA_ADMIN_PASSWORD: admin.password,
    ...extra,
  });
  const child = spawnTracked(
    [...nodeArgs, NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'],
    env,
    'Kura (next start)',
  );
  await waitForHealth(child, port);
  return { child, port, base: `http://127.0.0.1:${port}` };
}

/** Uploads one file to a server of `startKura` through the HTTP API; resolves to its delivery path. */
export async function uploadMedia(server, file) {
  const res = await uploadFile({
    port: server.port,
    path: '/api/v1/media',
    headers: { 'X-MICROCMS-API-KEY': API_KEY },
    file,
    fileName: path.basename(file),
  });
  if (res.status !== 201)
    throw new Error(`upload of ${path.basename(file)} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return new URL(res.body.url).pathname;
}

/**
 * Logs `admin` in through next-auth's credentials callback, as the login page does; answers the cookies, after
 * checking the library page answers as a logged-in member.
 */
export async function logIn(base, admin = ADMIN) {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email: admin.email, password: admin.password, json: 'true' }),
  });
  keep(res);
  const page = await fetch(`${base}/media`, { headers: { Cookie: cookie() }, redirect: 'manual' });
  if (!(await page.text()).includes('aria-label="Media"')) throw new Error(`not logged in at ${base}`);
  return cookie();
}
