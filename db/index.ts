import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { dataDirectory } from './data-dir';
import * as schema from './schema';

/**
 * The database as domain code sees it: every statement is awaited (`await db().select()…`, never `.all()`,
 * `.get()` or `.run()`), so the same code runs on an asynchronous driver. See docs/scale-out.md.
 */
export type Db = BaseSQLiteDatabase<'async', unknown, typeof schema>;
/** The handle a transaction's statements run on; domain code takes `Tx` where it must run inside one. */
export type Tx = Db;

/** The transaction this async context is inside, while it is open. */
type Open = { tx: Db; open: boolean; committed: (() => void)[] };
const inside = new AsyncLocalStorage<Open>();

type Connections = { reader: Db; writer: Db; writerFile: Database.Database; queue: Promise<void> };

function configure(sqlite: Database.Database) {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

function open(): Connections {
  const dir = dataDirectory();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'kura.db');
  const writerFile = new Database(file);
  configure(writerFile);
  const writer = drizzle(writerFile, { schema });
  migrate(writer, { migrationsFolder: path.join(process.cwd(), 'db/migrations') });
  // Reads outside a transaction use their own read-only connection: they see committed rows only, and a
  // write that forgot `transaction()` fails at once instead of joining another request's transaction.
  const readerFile = new Database(file, { readonly: true });
  readerFile.pragma('busy_timeout = 5000');
  const reader = drizzle(readerFile, { schema });
  return { reader: reader as unknown as Db, writer: writer as unknown as Db, writerFile, queue: Promise.resolve() };
}

/**
 * The connections of this process, opened and migrated on first use. They hang off `globalThis` because
 * Next bundles routes separately (the convention of lib/process-singleton.ts, which db/ may not import).
 */
function connections(): Connections {
  const slots = globalThis as unknown as Record<symbol, Connections | undefined>;
  return (slots[Symbol.for('kura.db')] ??= open());
}

/** The database for reads: inside a transaction its handle (so reads see its writes), else committed rows. */
export function db(): Db {
  const current = inside.getStore();
  return current?.open ? current.tx : connections().reader;
}

/**
 * Runs `fn` as one transaction and answers what it returns; an error rolls everything back. On SQLite
 * this is `BEGIN IMMEDIATE` on the one writer connection, taken in turn by the requests of this process
 * (and against other processes by SQLite's lock), so a check and the write it guards cannot interleave
 * with another writer. Every write goes through here. A call from inside a transaction joins it.
 * Never await anything but statements inside `fn`: the writer waits for it.
 */
export async function transaction<T>(fn: (tx: Tx) => Promise<T> | T): Promise<T> {
  const current = inside.getStore();
  if (current?.open) return fn(current.tx);
  const c = connections();
  const turn = c.queue;
  let done!: () => void;
  c.queue = new Promise<void>((resolve) => (done = resolve));
  await turn;
  const state: Open = { tx: c.writer, open: true, committed: [] };
  try {
    c.writerFile.exec('BEGIN IMMEDIATE');
    try {
      const result = await inside.run(state, () => fn(c.writer));
      c.writerFile.exec('COMMIT');
      state.open = false;
      for (const callback of state.committed) callback();
      return result;
    } catch (err) {
      if (c.writerFile.inTransaction) c.writerFile.exec('ROLLBACK');
      throw err;
    }
  } finally {
    state.open = false;
    done();
  }
}

/** Runs `callback` once the current transaction has committed (never if it rolls back); outside one, now. */
export function afterCommit(callback: () => void): void {
  const current = inside.getStore();
  if (current?.open) current.committed.push(callback);
  else callback();
}
