import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema.sqlite';

/**
 * The database as domain code sees it, on either engine: every statement is awaited (`await db().select()…`,
 * never `.all()`, `.get()` or `.run()`). Typed with drizzle's asynchronous SQLite builders, whose methods
 * PostgreSQL's builders share (docs/scale-out.md).
 */
export type Db = BaseSQLiteDatabase<'async', unknown, typeof schema>;
