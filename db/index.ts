import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import type { Db } from './engine';
import { databaseKind } from './kind';
import {
  listenPostgres,
  migratePostgres,
  notifyPostgres,
  openPostgres,
  postgresTransaction,
  withAdvisoryLock,
  type PostgresEngine,
} from './postgres';
import { openSqlite, sqliteTransaction, type SqliteEngine } from './sqlite';

export type { Db } from './engine';
export { databaseKind, type DatabaseKind } from './kind';
/** A transaction handle; domain code takes `Tx` where it must run inside one. */
export type Tx = Db;

type Engine = { kind: 'sqlite'; sqlite: SqliteEngine } | { kind: 'postgres'; postgres: PostgresEngine };

/** The transaction this async context is inside, while it is open, and what waits for its commit. */
type Open = { tx: Db; open: boolean; committed: (() => void)[] };
const inside = new AsyncLocalStorage<Open>();

/**
 * The database of this process, opened on first use (SQLite is migrated then; PostgreSQL by
 * `migrateDatabase()` at start). It hangs off `globalThis` because Next bundles routes separately
 * (the convention of lib/process-singleton.ts, which db/ may not import).
 */
function engine(): Engine {
  const slots = globalThis as unknown as Record<symbol, Engine | undefined>;
  return (slots[Symbol.for('kura.db')] ??=
    databaseKind() === 'postgres'
      ? { kind: 'postgres', postgres: openPostgres(process.env.KURA_DATABASE_URL!) }
      : { kind: 'sqlite', sqlite: openSqlite() });
}

/** Opens the database and brings its schema up to date (at start, before the first request). */
export async function migrateDatabase(): Promise<void> {
  const e = engine();
  if (e.kind === 'postgres') await migratePostgres(e.postgres);
}

/** The database for reads: inside a transaction its handle (so reads see its writes), else committed rows. */
export function db(): Db {
  const current = inside.getStore();
  if (current?.open) return current.tx;
  const e = engine();
  return e.kind === 'postgres' ? e.postgres.db : e.sqlite.reader;
}

/**
 * Runs `fn` as one transaction and answers what it returns; an error rolls everything back. Every write
 * goes through here. SQLite: `BEGIN IMMEDIATE` on the one writer, taken in turn. PostgreSQL: READ
 * COMMITTED on a pooled client, run again on a serialization failure or deadlock (so `fn` must not do
 * anything but statements: no I/O, and nothing it would regret doing twice). A call from inside a
 * transaction joins it.
 */
export async function transaction<T>(fn: (tx: Tx) => Promise<T> | T): Promise<T> {
  const current = inside.getStore();
  if (current?.open) return fn(current.tx);
  const e = engine();
  let state: Open | undefined;
  const run = async (tx: Db) => {
    state = { tx, open: true, committed: [] };
    const open = state;
    try {
      return await inside.run(open, () => fn(tx));
    } finally {
      open.open = false;
    }
  };
  const result =
    e.kind === 'postgres' ? await postgresTransaction(e.postgres, run) : await sqliteTransaction(e.sqlite, run);
  for (const callback of state?.committed ?? []) callback();
  return result;
}

/** Runs `callback` once the current transaction has committed (never if it rolls back); outside one, now. */
export function afterCommit(callback: () => void): void {
  const current = inside.getStore();
  if (current?.open) current.committed.push(callback);
  else callback();
}

/** Closes this process's connections (`npm start`'s checks, which run before the server's own process). */
export async function closeDatabase(): Promise<void> {
  const slots = globalThis as unknown as Record<symbol, Engine | undefined>;
  const e = slots[Symbol.for('kura.db')];
  if (!e) return;
  slots[Symbol.for('kura.db')] = undefined;
  if (e.kind === 'postgres') await e.postgres.pool.end();
  else e.sqlite.writerFile.close(); // the reader closes with the process
}

/** Throws unless the database answers (`GET /api/health`). */
export async function pingDatabase(): Promise<void> {
  const e = engine();
  if (e.kind === 'postgres') await e.postgres.pool.query('select 1');
  else await e.sqlite.reader.get(sql`select 1`);
}

/**
 * Runs `fn` while no other instance runs anything under `name` (bootstrap, several instances starting
 * together: each waits its turn). On SQLite, one process owns the file: `fn` just runs.
 */
export async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const e = engine();
  if (e.kind !== 'postgres') return await fn();
  const result = await withAdvisoryLock(e.postgres, name, true, fn);
  if (!result.ran) throw new Error(`the lock ${name} was not taken`);
  return result.value;
}

/** Runs `fn` unless another instance is running something under `name` now (a periodic job): whether it ran. */
export async function unlessLocked(name: string, fn: () => Promise<void>): Promise<boolean> {
  const e = engine();
  if (e.kind !== 'postgres') return (await fn(), true);
  return (await withAdvisoryLock(e.postgres, name, false, fn)).ran;
}

const listeners = (): Map<string, Set<() => void>> => {
  const slots = globalThis as unknown as Record<symbol, Map<string, Set<() => void>> | undefined>;
  return (slots[Symbol.for('kura.db.listeners')] ??= new Map());
};

/**
 * Tells every instance (this one included) that `channel` has news, once the current transaction has
 * committed: PostgreSQL's NOTIFY, or in this process on SQLite. Listeners read the news from the tables.
 */
export function notify(channel: string): void {
  afterCommit(() => {
    const e = engine();
    if (e.kind === 'postgres')
      notifyPostgres(e.postgres, channel).catch((err) => console.error(`[kura] NOTIFY ${channel} failed`, err));
    else for (const onNotice of listeners().get(channel) ?? []) onNotice();
  });
}

/** Calls `onNotice` on every {@link notify} of `channel`, from any instance (and after a lost connection). */
export function listen(channel: string, onNotice: () => void): void {
  const e = engine();
  if (e.kind === 'postgres') listenPostgres(process.env.KURA_DATABASE_URL!, new Map([[channel, onNotice]]));
  else listeners().set(channel, (listeners().get(channel) ?? new Set()).add(onNotice));
}
