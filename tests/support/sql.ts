import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { testDatabaseUrl } from './test-database.mjs';

/** A value bound to a `?`: booleans and dates are written the way each engine stores them. */
export type Param = string | number | boolean | Date | null;

/**
 * A server's database as tests read and seed it, on SQLite (the data dir's `kura.db`) or on the
 * PostgreSQL database of that data dir (npm test's PostgreSQL pass). Rows come back as SQLite has them:
 * booleans 1/0, timestamps in milliseconds, JSON columns as text.
 */
export type TestDb = {
  all<T = Record<string, unknown>>(sql: string, ...params: Param[]): T[];
  run(sql: string, ...params: Param[]): void;
  /** Several writes as one transaction. */
  batch(statements: [string, ...Param[]][]): void;
  close(): void;
};

export function openTestDb(dataDir: string, opts: { readonly?: boolean } = {}): TestDb {
  const url = testDatabaseUrl(dataDir);
  return url ? postgresDb(url) : sqliteDb(dataDir, opts.readonly ?? false);
}

/** Runs `use` on a server's database and closes it. */
export function withTestDb<T>(dataDir: string, run: (db: TestDb) => T, opts: { readonly?: boolean } = {}): T {
  const db = openTestDb(dataDir, opts);
  try {
    return run(db);
  } finally {
    db.close();
  }
}

const forSqlite = (p: Param) => (typeof p === 'boolean' ? Number(p) : p instanceof Date ? p.getTime() : p);

function sqliteDb(dataDir: string, readonly: boolean): TestDb {
  const db = new Database(path.join(dataDir, 'kura.db'), readonly ? { readonly, fileMustExist: true } : {});
  db.pragma('busy_timeout = 5000');
  return {
    all: <T>(sql: string, ...params: Param[]) => db.prepare(sql).all(...params.map(forSqlite)) as T[],
    run: (sql, ...params) => void db.prepare(sql).run(...params.map(forSqlite)),
    batch: (statements) =>
      db.transaction(() => {
        for (const [sql, ...params] of statements) db.prepare(sql).run(...params.map(forSqlite));
      })(),
    close: () => db.close(),
  };
}

function literal(p: Param): string {
  if (p === null) return 'null';
  if (typeof p === 'boolean') return p ? 'true' : 'false';
  if (typeof p === 'number') return String(p);
  if (p instanceof Date) return `'${p.toISOString()}'::timestamptz`;
  return `'${p.replace(/'/g, "''")}'`;
}

/** The statement with each `?` outside quotes replaced by its value as a literal. */
function bind(sql: string, params: Param[]): string {
  let i = 0;
  let quoted = false;
  let out = '';
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    if (ch === '?' && !quoted) {
      if (i >= params.length) throw new Error(`too few parameters for: ${sql}`);
      out += literal(params[i++]);
    } else out += ch;
  }
  if (i !== params.length) throw new Error(`too many parameters for: ${sql}`);
  return out;
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** A PostgreSQL row as SQLite gives it. */
function asSqlite(value: unknown): unknown {
  if (typeof value === 'boolean') return Number(value);
  if (typeof value === 'string' && ISO.test(value)) return new Date(value).getTime();
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return value;
}

function postgresDb(url: string): TestDb {
  // One connection for this TestDb, in a worker thread (tests/support/sql-worker.mjs); a query blocks until
  // it answers. A psql process per query cost about 80 ms, most of the permission matrix's time.
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(path.join(__dirname, 'sql-worker.mjs'), {
    workerData: { url, port: port2, flag },
    transferList: [port2],
  });
  worker.unref();
  const query = (sql: string): unknown[] => {
    Atomics.store(flag, 0, 0);
    port1.postMessage(sql);
    if (Atomics.wait(flag, 0, 0, 60_000) === 'timed-out') throw new Error(`no answer within 60 s to: ${sql}`);
    const reply = receiveMessageOnPort(port1)?.message as { rows?: unknown[]; error?: string } | undefined;
    if (!reply || reply.error !== undefined)
      throw new Error(`${reply?.error ?? 'no reply'}\n  in: ${sql.slice(0, 300)}`);
    return reply.rows ?? [];
  };
  return {
    all: <T>(sql: string, ...params: Param[]) => {
      // to_json of each row keeps timestamps as ISO text and jsonb as JSON; both are turned back above.
      const [{ rows }] = query(`select coalesce(json_agg(to_json(r)), '[]') as rows from (${bind(sql, params)}) r`) as {
        rows: Record<string, unknown>[];
      }[];
      return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, asSqlite(v)]))) as T[];
    },
    run: (sql, ...params) => void query(bind(sql, params)),
    batch: (statements) =>
      void query(['begin', ...statements.map(([sql, ...p]) => bind(sql, p)), 'commit'].join(';\n')),
    close: () => void worker.terminate(),
  };
}
