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

/** A JSON column's member as SQL: text (absent → null), compared and sorted by code point on both engines. */
export const jsonText = (column: AnyColumn, key: string): SQL =>
  databaseKind() === 'postgres'
    ? sql`((${column} ->> ${key}::text) collate "C")`
    : sql`json_extract(${column}, ${jsonPath(key)})`;

/** A JSON column's numeric member (absent → null). */
export const jsonNumber = (column: AnyColumn, key: string): SQL =>
  databaseKind() === 'postgres'
    ? sql`((${column} ->> ${key}::text)::double precision)`
    : sql`json_extract(${column}, ${jsonPath(key)})`;

/** A JSON column's boolean member as SQL (PostgreSQL `boolean`, SQLite 1/0; absent → null). */
export const jsonBoolean = (column: AnyColumn, key: string): SQL =>
  databaseKind() === 'postgres'
    ? sql`((${column} ->> ${key}::text)::boolean)`
    : sql`json_extract(${column}, ${jsonPath(key)})`;

/** A boolean to compare with {@link jsonBoolean}. */
export const booleanParam = (value: boolean): SQL =>
  databaseKind() === 'postgres' ? sql`${value}::boolean` : sql`${value ? 1 : 0}`;

/** Whether a JSON column holds this member with a value: not absent, not `""`, not `[]`. */
export const jsonHasValue = (column: AnyColumn, key: string): SQL =>
  databaseKind() === 'postgres'
    ? sql`coalesce((${column} -> ${key}::text) not in ('""'::jsonb, '[]'::jsonb, 'null'::jsonb), false)`
    : sql`coalesce(json_type(${column}, ${jsonPath(key)}) != 'null'
        and json_extract(${column}, ${jsonPath(key)}) not in ('', '[]'), 0)`;

/** `text` starts with `prefix`, ignoring the case of ASCII letters (as {@link containsText}). */
export function beginsWithText(column: SQL | AnyColumn, prefix: string): SQL {
  const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return databaseKind() === 'postgres'
    ? sql`${column} ilike ${pattern} escape '\\'`
    : sql`${column} like ${pattern} escape '\\'`;
}

/** SQLite's JSON path of a top-level member (field ids are letters, digits and `_`, quoted all the same). */
const jsonPath = (key: string) => `$."${key.replace(/["\\]/g, '')}"`;

/**
 * `column = value` that SQLite will not answer from an index on `column` (its unary `+`), so that another term
 * (a primary-key lookup) drives the query; PostgreSQL plans from statistics and gets the plain comparison.
 */
export const notIndexed = (column: AnyColumn, value: string): SQL =>
  databaseKind() === 'postgres' ? sql`${column} = ${value}` : sql`+${column} = ${value}`;
