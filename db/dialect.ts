// The few SQL expressions the two engines spell differently. Everything else in the domain is drizzle's
// builders, which write the right SQL for the engine in use.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { databaseKind } from './kind';

/** The larger of two values (SQLite's two-argument `max`, PostgreSQL's `greatest`). */
export const greatest = (a: SQL | AnyColumn, b: SQL | AnyColumn | number): SQL =>
  databaseKind() === 'postgres' ? sql`greatest(${a}, ${b})` : sql`max(${a}, ${b})`;

/**
 * `column` contains `text` anywhere, ignoring the case of ASCII letters (SQLite's LIKE; `ILIKE` on
 * PostgreSQL). `%`, `_` and `\` in `text` match themselves.
 */
export function containsText(column: SQL | AnyColumn, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return databaseKind() === 'postgres'
    ? sql`${column} ilike ${pattern} escape '\\'`
    : sql`${column} like ${pattern} escape '\\'`;
}
