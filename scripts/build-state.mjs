// Decides whether the production build matches the sources: a content hash of everything that goes
// into `next build`, kept beside the build. Shared by `npm start` and `npm test`.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const INPUTS = [
  'app',
  'components',
  'lib',
  'db',
  'pages',
  'public',
  'instrumentation.ts',
  'next.config.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];
const STAMP = path.join(ROOT, '.next', 'kura-build-hash');

function* files(entry) {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isFile()) return yield entry;
  for (const name of fs.readdirSync(full).sort()) yield* files(path.join(entry, name));
}

/**
 * What next.config.ts reads from the environment and the build fixes: its headers land in .next/routes-manifest.json,
 * so HSTS (sent only on an https KURA_PUBLIC_URL) follows the URL of the last build, and a start under another
 * scheme builds again.
 */
const buildEnv = () => `https:${(process.env.KURA_PUBLIC_URL ?? '').startsWith('https://')}`;

export function sourceHash() {
  const hash = createHash('sha256').update(buildEnv()).update('\0');
  for (const input of INPUTS)
    for (const file of files(input))
      hash
        .update(file)
        .update('\0')
        .update(fs.readFileSync(path.join(ROOT, file)));
  return hash.digest('hex');
}

/** Runs `next build` when there is no build or the sources changed since the last one. */
export function buildIfStale() {
  const wanted = sourceHash();
  const built =
    fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID')) && fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8') : null;
  if (built === wanted) return false;
  console.log(built ? '[kura] sources changed since the last build: building…' : '[kura] no build yet: building…');
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) {
    console.error('[kura] the build failed; see the output above');
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(STAMP, wanted);
  return true;
}
