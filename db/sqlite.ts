import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { dataDirectory } from './data-dir';
import type { Db } from './engine';
import * as schema from './schema.sqlite';

export type SqliteEngine = { reader: Db; writer: Db; writerFile: Database.Database; queue: Promise<void> };

function configure(sqlite: Database.Database) {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

/** Opens (and migrates) the data directory's `kura.db`: one writer connection and one read-only reader. */
export function openSqlite(): SqliteEngine {
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
 * `BEGIN IMMEDIATE` on the one writer connection, taken in turn by the requests of this process (and
 * against other processes by SQLite's lock), so a check and the write it guards cannot interleave with
 * another writer.
 */
export async function sqliteTransaction<T>(engine: SqliteEngine, run: (tx: Db) => Promise<T>): Promise<T> {
  const turn = engine.queue;
  let done!: () => void;
  engine.queue = new Promise<void>((resolve) => (done = resolve));
  await turn;
  try {
    engine.writerFile.exec('BEGIN IMMEDIATE');
    try {
      const result = await run(engine.writer);
      engine.writerFile.exec('COMMIT');
      return result;
    } catch (err) {
      if (engine.writerFile.inTransaction) engine.writerFile.exec('ROLLBACK');
      throw err;
    }
  } finally {
    done();
  }
}
