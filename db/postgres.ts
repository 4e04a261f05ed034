import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Pool, type PoolClient } from 'pg';
import type { Db } from './engine';
import { isConstraintRace, isSerializationFailure } from './errors';
import * as schema from './schema.pg';

export type PostgresEngine = { pool: Pool; db: Db };

/** The advisory lock several instances starting at once take around migrations: each runs once. */
const MIGRATION_LOCK = 0x6b757261; // "kura"
const ATTEMPTS = 5;

export function openPostgres(url: string): PostgresEngine {
  const pool = new Pool({ connectionString: url, max: Number(process.env.KURA_DATABASE_POOL ?? 10) });
  // An idle client that loses its connection must not take the process down.
  pool.on('error', (err) => console.error('[kura] PostgreSQL connection lost (the pool reconnects)', err));
  return { pool, db: drizzle(pool, { schema }) as unknown as Db };
}

/** Applies db/migrations-pg under an advisory lock, so instances booting together apply each migration once. */
export async function migratePostgres(engine: PostgresEngine): Promise<void> {
  const client = await engine.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client, { schema }), { migrationsFolder: path.join(process.cwd(), 'db/migrations-pg') });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

/**
 * One transaction on a pooled client, READ COMMITTED: invariants rest on constraints and on row locks
 * (`FOR UPDATE`) taken by the statements that need them. A failure PostgreSQL asks to retry (db/errors.ts)
 * runs the whole transaction again, a bounded number of times.
 */
export async function postgresTransaction<T>(engine: PostgresEngine, run: (tx: Db) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client: PoolClient = await engine.pool.connect();
    try {
      await client.query('begin');
      const result = await run(drizzle(client) as unknown as Db);
      await client.query('commit');
      return result;
    } catch (err) {
      await client.query('rollback').catch(() => {});
      const again = isSerializationFailure(err) ? attempt < ATTEMPTS : isConstraintRace(err) && attempt === 1;
      if (!again) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    } finally {
      client.release();
    }
  }
}
