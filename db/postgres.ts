import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Client, Pool, type PoolClient } from 'pg';
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

/**
 * Runs `fn` holding a session-level advisory lock on its own client: `wait` waits for it (bootstrap: instances
 * starting together provision one after the other); otherwise answers `skipped` when another holds it (a periodic
 * job another instance is running this tick).
 */
export async function withAdvisoryLock<T>(
  engine: PostgresEngine,
  name: string,
  wait: boolean,
  fn: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const client = await engine.pool.connect();
  try {
    const key = (await client.query<{ key: string }>('select hashtextextended($1, 0) as key', [name])).rows[0].key;
    if (wait) await client.query('select pg_advisory_lock($1)', [key]);
    else if (!(await client.query<{ got: boolean }>('select pg_try_advisory_lock($1) as got', [key])).rows[0].got)
      return { ran: false };
    try {
      return { ran: true, value: await fn() };
    } finally {
      await client.query('select pg_advisory_unlock($1)', [key]).catch(() => {});
    }
  } finally {
    client.release();
  }
}

/** `NOTIFY channel` for every instance listening (after the commit that made the news). */
export async function notifyPostgres(engine: PostgresEngine, channel: string): Promise<void> {
  await engine.pool.query('select pg_notify($1, $2)', [channel, '']);
}

/**
 * Calls `onNotice` on every `NOTIFY channel`, on a connection of its own, reconnecting after a loss (and
 * calling `onNotice` once then, for whatever it missed meanwhile).
 */
export function listenPostgres(url: string, channels: Map<string, () => void>): void {
  let retryMs = 500;
  const connect = async () => {
    const client = new Client({ connectionString: url });
    client.on('notification', (n) => channels.get(n.channel)?.());
    const lost = () => {
      client.removeAllListeners();
      client.end().catch(() => {});
      setTimeout(() => void connect(), retryMs).unref();
      retryMs = Math.min(retryMs * 2, 30_000);
    };
    client.on('error', lost);
    try {
      await client.connect();
      for (const channel of channels.keys()) await client.query(`listen "${channel.replace(/"/g, '')}"`);
      retryMs = 500;
      for (const onNotice of channels.values()) onNotice(); // what was missed while not listening
    } catch {
      lost();
    }
  };
  void connect();
}
