// `npm start`: build when missing or stale, then serve. Migrations, the service id, AUTH_SECRET, the
// first Administrator and KURA_API_KEY are handled by the server itself at start (instrumentation.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfStale } from './build-state.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
buildIfStale();

const port = process.env.PORT || '3000';
const hostname = process.env.HOSTNAME || '0.0.0.0';
const server = spawn(
  process.execPath,
  [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', port, '-H', hostname],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
