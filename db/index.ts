import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { dataDirectory } from './data-dir';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
/** A transaction handle; domain code takes `Db | Tx` where it can run inside or outside one. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function open(): Db {
  const dir = dataDirectory();
  fs.mkdirSync(dir, { recursive: true });
  const sqlite = new Database(path.join(dir, 'kura.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: path.join(process.cwd(), 'db/migrations') });
  return db;
}

/**
 * The one connection of this process, opened and migrated on first use. It hangs off `globalThis` because
 * Next bundles routes separately (the convention of lib/process-singleton.ts, which db/ may not import).
 */
export function db(): Db {
  const slots = globalThis as unknown as Record<symbol, Db | undefined>;
  return (slots[Symbol.for('kura.db')] ??= open());
}
