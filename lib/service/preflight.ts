// `npm start` runs this before the server listens (scripts/start.mjs): a start that cannot work stops here, with
// one line per problem, instead of printing Ready and failing every request.
import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { closeDatabase, databaseKind, migrateDatabase, pingDatabase } from '@/db';
import { config, environmentProblems, knownVariables } from '@/lib/config';

/** How long the database may take to answer before the start gives up on it. */
const DATABASE_WAIT_MS = 10_000;

/**
 * Everything a start needs that the environment decides: every variable valid, the data directory readable and
 * writable, the database open and migrated (PostgreSQL reachable). Answers the problems (empty: ready to start)
 * and the warnings (variables starting with KURA_ that Kura does not know).
 */
export async function preflight(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ problems: string[]; warnings: string[] }> {
  const warnings = Object.keys(env)
    .filter((name) => name.startsWith('KURA_') && !knownVariables.has(name) && !name.startsWith('KURA_TEST_'))
    .map((name) => `${name} is not a variable Kura reads (a typo?); it is ignored`);
  const problems = environmentProblems(env);
  if (problems.length > 0) return { problems, warnings };
  process.umask(0o077); // what the server creates is private (lib/service/private-data-dir.ts): the database too
  const dirProblem = checkDataDir(config().dataDir);
  if (dirProblem) return { problems: [dirProblem], warnings };
  const dbProblem = await checkDatabase();
  return { problems: dbProblem ? [dbProblem] : [], warnings };
}

/** The data directory exists (or can be made) and takes a file: a probe is written, read back and removed. */
function checkDataDir(dir: string): string | null {
  const probe = path.join(dir, `.kura-probe-${randomBytes(6).toString('hex')}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(probe, 'kura', { flag: 'wx', mode: 0o600 });
    fs.readFileSync(probe);
    fs.rmSync(probe);
    return null;
  } catch (err) {
    fs.rmSync(probe, { force: true });
    return (
      `KURA_DATA_DIR: ${dir} cannot be written (${codeOf(err)}); accepted: a directory the server's user may ` +
      'read and write (the database, media and caches live there)'
    );
  }
}

async function checkDatabase(): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('no answer'), { code: 'ETIMEDOUT' })), DATABASE_WAIT_MS);
    });
    await Promise.race([(async () => (await migrateDatabase(), await pingDatabase()))(), timeout]);
    return null;
  } catch (err) {
    const why = `${codeOf(err)}: ${rootMessage(err)}`;
    if (databaseKind() === 'postgres') {
      return `KURA_DATABASE_URL: PostgreSQL at ${where(process.env.KURA_DATABASE_URL!)} cannot be used (${why})`;
    }
    const file = path.join(config().dataDir, 'kura.db');
    return `KURA_DATA_DIR: the database ${file} cannot be opened or migrated (${why})`;
  } finally {
    clearTimeout(timer);
    await closeDatabase().catch(() => {});
  }
}

/** host:port/database of a PostgreSQL URL: never the user or password. */
function where(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

const codeOf = (err: unknown): string => {
  for (let e = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return 'error';
};

const rootMessage = (err: unknown): string => {
  let e = err as { cause?: unknown; message?: string } | undefined;
  while (e?.cause && typeof e.cause === 'object') e = e.cause as typeof e;
  const message = e?.message ?? String(err);
  return message.replace(/postgres(ql)?:\/\/[^\s]+/g, 'postgres://…'); // never the password
};
