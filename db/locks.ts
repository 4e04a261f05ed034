// Locks for the invariants a constraint cannot say. On SQLite every transaction already runs alone (one
// writer, `BEGIN IMMEDIATE`), so these are no-ops there; on PostgreSQL (READ COMMITTED) they make the
// transactions that need one judge one after the other, each seeing what the one before committed.
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Db as Tx } from './engine';
import { databaseKind } from './kind';

/**
 * The rows `query` reads stay locked (`FOR UPDATE`) until the transaction ends, so a read-then-write
 * (an edit judged on the current name, a re-upload on the current file) sees the row as the last writer
 * left it. Only for a plain select of one table (no aggregate, no outer join).
 * @example const current = (await forUpdate(tx.select().from(media).where(eq(media.id, id))))[0];
 */
export function forUpdate<Q>(query: Q): Q {
  if (databaseKind() !== 'postgres') return query;
  return (query as unknown as { for(strength: 'update'): Q }).for('update');
}

/**
 * Takes a named lock held until the transaction ends (PostgreSQL's transaction-scoped advisory lock), for
 * an invariant over many rows: "at least one Administrator", "at most N tags". Take it before the rows it
 * guards are counted; every transaction that could break the invariant takes the same name.
 */
export async function lockNamed(tx: Tx, name: string): Promise<void> {
  if (databaseKind() !== 'postgres') return;
  await (tx as unknown as NodePgDatabase).execute(sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`);
}
