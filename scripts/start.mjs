// `npm start`: check the configuration, build when missing or stale, then serve. The check (scripts/preflight.ts)
// validates every variable, the data directory and the database (migrating it) before anything listens, and stops
// the start with one line per problem. The service id, AUTH_SECRET, the first Administrator and KURA_API_KEY are
// handled by the server itself at start (instrumentation.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfStale } from './build-state.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
// tsx runs the TypeScript of lib/ as it is; `react-server` makes `server-only` the empty module it is on the server.
const checked = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--conditions=react-server', path.join(ROOT, 'scripts/preflight.ts')],
  { cwd: ROOT, stdio: 'inherit', env: process.env },
);
if (checked.status !== 0) process.exit(checked.status || 1);
buildIfStale();

// Next is started in this very process (as `next start` would be), not as a child: `npm start` then leaves one
// Node process serving, without a wrapper holding memory beside it. Next handles SIGINT/SIGTERM itself.
const port = process.env.PORT || '3000';
const hostname = process.env.HOSTNAME || '0.0.0.0';
const nextBin = path.join(ROOT, 'node_modules/next/dist/bin/next');
process.env.NEXT_TELEMETRY_DISABLED = '1';
// Next would read next.config.ts again, and compiling it loads SWC's native module, ≈ 25 MiB resident for the life of
// the process. The build wrote the configuration it resolved; Next's own standalone server starts from it in this
// same way. Custom headers and rewrites come from the build in either case (.next/routes-manifest.json), which is why
// what next.config.ts reads from the environment is an input of the build (scripts/build-state.mjs).
const built = JSON.parse(fs.readFileSync(path.join(ROOT, '.next/required-server-files.json'), 'utf8'));
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(built.config);
process.chdir(ROOT);
process.argv = [process.execPath, nextBin, 'start', '-p', port, '-H', hostname];
await import(pathToFileURL(nextBin).href);
