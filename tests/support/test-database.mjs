// The PostgreSQL database of a test server: when KURA_TEST_POSTGRES_URL is set (npm test's PostgreSQL pass),
// each data dir gets its own database, named after it and created empty with the data dir.
// `node tests/support/test-database.mjs reset <dataDir>` does it from a shell command (Playwright's webServer).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';

/** The database URL for this data dir, or null when the tests run on SQLite. */
export function testDatabaseUrl(dataDir) {
  const base = process.env.KURA_TEST_POSTGRES_URL;
  if (!base) return null;
  const url = new URL(base);
  url.pathname = `/${databaseName(dataDir)}`;
  return url.toString();
}

const digest = (text, length) => createHash('sha256').update(text).digest('hex').slice(0, length);

/**
 * Every test database of this checkout starts with it, so runs in two checkouts never drop each other's.
 * The checkout is the working directory (npm test, Playwright and its servers all run from the root);
 * `import.meta` is not used because Playwright loads this file as CommonJS from the TypeScript helpers.
 */
export const checkoutPrefix = `kura_t_${digest(process.cwd(), 8)}_`;

export const databaseName = (dataDir) => `${checkoutPrefix}${digest(dataDir, 16)}`;

/** psql on the server's maintenance database, as the test role. */
export function psqlAdmin(sql) {
  const url = new URL(process.env.KURA_TEST_POSTGRES_URL);
  url.pathname = '/postgres';
  return execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url.toString(), '-c', sql], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Drops and creates this data dir's database: a fresh data dir starts on an empty database. */
export function resetTestDatabase(dataDir) {
  if (!process.env.KURA_TEST_POSTGRES_URL) return;
  const name = databaseName(dataDir);
  psqlAdmin(`drop database if exists ${name} with (force)`);
  psqlAdmin(`create database ${name}`);
}

if (process.argv[2] === 'reset') resetTestDatabase(process.argv[3]);
