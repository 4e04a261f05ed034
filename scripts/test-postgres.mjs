// npm test's PostgreSQL pass: the HTTP API and fault suites run again with each test server on a
// PostgreSQL database of its own (tests/support/test-database.mjs). PostgreSQL is found or set up here,
// like Chromium: KURA_TEST_POSTGRES_URL when given; else Debian's cluster on this machine, started (and
// installed with apt) when running as root. Without it the pass is skipped with one line; CI=true fails.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { checkoutPrefix } from '../tests/support/test-database.mjs';

const LOCAL = 'postgres://kura:kura@127.0.0.1:5432/postgres';

const quiet = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const asPostgres = (sql) => quiet('su', ['postgres', '-c', `psql -X -q -v ON_ERROR_STOP=1 -c "${sql}"`]);
const reachable = (url) => quiet('psql', ['-X', '-q', '-d', url, '-c', 'select 1']).status === 0;

/** A superuser-free role that may create databases, on the local cluster (as root). */
function localCluster() {
  const root = process.getuid?.() === 0;
  if (!fs.existsSync('/usr/bin/pg_ctlcluster')) {
    if (!root) return { skip: 'PostgreSQL is not installed (sudo apt-get install -y postgresql)' };
    console.log('[kura] installing Debian postgresql for the PostgreSQL pass…');
    if (quiet('apt-get', ['install', '-y', '-qq', 'postgresql']).status !== 0) {
      quiet('apt-get', ['update', '-qq']);
      if (quiet('apt-get', ['install', '-y', '-qq', 'postgresql']).status !== 0)
        return { skip: 'apt-get install postgresql failed' };
    }
  }
  if (!reachable(LOCAL)) {
    if (!root) return { skip: `PostgreSQL does not answer at ${LOCAL} (set KURA_TEST_POSTGRES_URL to use another)` };
    const clusters = quiet('pg_lsclusters', ['-h']).stdout.trim().split('\n').filter(Boolean);
    if (clusters.length === 0) return { skip: 'no PostgreSQL cluster (pg_createcluster 15 main)' };
    const [version, name] = clusters[0].split(/\s+/);
    quiet('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, 'start']);
    asPostgres(
      "do \\$\\$ begin if not exists (select from pg_roles where rolname = 'kura') then " +
        "create role kura login createdb password 'kura'; end if; end \\$\\$",
    );
    if (!reachable(LOCAL)) return { skip: `PostgreSQL was started but does not answer at ${LOCAL}` };
  }
  return { url: LOCAL };
}

/** The URL of a PostgreSQL server the tests may create databases on, or why there is none. */
export function findPostgres() {
  const given = process.env.KURA_TEST_POSTGRES_URL;
  if (given) return reachable(given) ? { url: given } : { skip: `KURA_TEST_POSTGRES_URL does not answer (${given})` };
  return localCluster();
}

/** Drops the databases an earlier run in this checkout left behind (one per test data dir). */
export function dropLeftovers(url) {
  const names = execFileSync(
    'psql',
    [
      '-X',
      '-A',
      '-t',
      '-d',
      url,
      '-c',
      `select datname from pg_database where starts_with(datname, '${checkoutPrefix}')`,
    ],
    { encoding: 'utf8' },
  )
    .split('\n')
    .filter(Boolean);
  for (const name of names)
    quiet('psql', ['-X', '-q', '-d', url, '-c', `drop database if exists ${name} with (force)`]);
}
