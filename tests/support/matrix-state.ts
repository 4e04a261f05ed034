import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { testDatabaseUrl } from './test-database.mjs';

/**
 * Everything a refused request could have changed: every row of every table of the SQLite file (so a
 * table added later is covered without anyone remembering it) and the files of local storage.
 *
 * Reading every table twice per cell is slow once the tables grow, so the state before a call is pinned
 * instead: a second connection holds a read transaction open across the call (WAL keeps its view as it
 * was), and `PRAGMA data_version` on a third says whether anyone committed since. Only then are both
 * views read in full and compared, so a commit that changed nothing in the end is no change either.
 */
export class StateWatch {
  /** On PostgreSQL (npm test's second pass), the same idea with its own means. */
  private readonly postgres: PostgresWatch | null;
  private readonly pinned: Database.Database;
  private readonly live: Database.Database;
  private version = 0;
  private files = new Set<string>();

  constructor(private readonly dataDir: string) {
    const url = testDatabaseUrl(dataDir);
    this.postgres = url ? new PostgresWatch(url) : null;
    // Unused on PostgreSQL, where there is no kura.db: in-memory stand-ins keep the fields typed.
    const file = this.postgres ? ':memory:' : path.join(dataDir, 'kura.db');
    this.pinned = new Database(file, { readonly: !this.postgres, fileMustExist: !this.postgres });
    this.live = new Database(file, { readonly: !this.postgres, fileMustExist: !this.postgres });
  }

  /** Pins the state as it is now. */
  async begin(): Promise<void> {
    if (this.postgres) {
      await this.postgres.begin();
      this.files = storedFiles(this.dataDir);
      return;
    }
    this.pinned.exec('BEGIN');
    this.pinned.prepare('select count(*) from sqlite_master').get(); // the read transaction starts here
    this.version = this.live.pragma('data_version', { simple: true }) as number;
    this.files = storedFiles(this.dataDir);
  }

  /** What changed since {@link begin}, as people read it (empty: nothing). */
  async changes(): Promise<string[]> {
    if (this.postgres) return [...(await this.postgres.changes()), ...this.fileChanges()];
    try {
      const changes =
        this.live.pragma('data_version', { simple: true }) === this.version
          ? []
          : diffTables(rowsOf(this.pinned), rowsOf(this.live));
      return [...changes, ...this.fileChanges()];
    } finally {
      this.pinned.exec('COMMIT');
    }
  }

  private fileChanges(): string[] {
    const now = storedFiles(this.dataDir);
    const added = [...now].filter((f) => !this.files.has(f)).length;
    const removed = [...this.files].filter((f) => !now.has(f)).length;
    return added || removed ? [`stored files: +${added} −${removed}`] : [];
  }

  async close() {
    this.pinned.close();
    this.live.close();
    await this.postgres?.close();
  }
}

/**
 * The same watch on PostgreSQL: a REPEATABLE READ transaction on a second connection pins the state, and
 * the next transaction id to be handed out (every writing transaction takes one) says whether anyone may
 * have written since; only then are both views read in full.
 */
class PostgresWatch {
  private readonly pinned: Client;
  private readonly live: Client;
  private connected?: Promise<unknown>;
  private query = '';
  private xmax = '';

  constructor(url: string) {
    this.pinned = new Client({ connectionString: url });
    this.live = new Client({ connectionString: url });
  }

  private async connect() {
    this.connected ??= Promise.all([this.pinned.connect(), this.live.connect()]).then(async () => {
      const { rows } = await this.live.query<{ name: string }>(
        "select table_name as name from information_schema.tables where table_schema = 'public' " +
          "and table_type = 'BASE TABLE' order by table_name",
      );
      this.query =
        'select ' +
        rows
          .filter(({ name: t }) => !BACKGROUND.has(t))
          .map(({ name: t }) => `(select coalesce(json_agg(to_json(r)), '[]') from (${select(t)}) r) as "${t}"`)
          .join(', ');
    });
    await this.connected;
  }

  private nextXid = async () =>
    (await this.live.query<{ x: string }>('select pg_snapshot_xmax(pg_current_snapshot())::text as x')).rows[0].x;

  private async rows(client: Client): Promise<Map<string, string[]>> {
    const [row] = (await client.query<Record<string, unknown[]>>(this.query)).rows;
    return new Map(Object.entries(row).map(([t, rows]) => [t, rows.map((r) => JSON.stringify(r))]));
  }

  async begin(): Promise<void> {
    await this.connect();
    await this.pinned.query('begin isolation level repeatable read read only');
    await this.pinned.query('select 1'); // the snapshot is taken here
    this.xmax = await this.nextXid();
  }

  async changes(): Promise<string[]> {
    try {
      if ((await this.nextXid()) === this.xmax) return [];
      return diffTables(await this.rows(this.pinned), await this.rows(this.live));
    } finally {
      await this.pinned.query('commit');
    }
  }

  async close() {
    await Promise.all([this.pinned.end(), this.live.end()]).catch(() => {});
  }
}

/**
 * What the server writes by itself, whatever the requests: the instance heartbeat, webhook leases taken while
 * earlier events are sent, and usage counters flushed from memory every few seconds (tests/faults/usage.spec.ts
 * shows refused requests are not counted). Not a change of a refused request.
 */
const BACKGROUND = new Set(['webhook_leases', 'usage_daily', 'usage_media_monthly']);

/** One table's rows, without the columns any request (refused ones too) or the server's own timers write. */
const select = (t: string) =>
  // A session's last-seen time is written by any request now and then.
  t === 'sessions'
    ? 'select id, member_id, created_at, expires_at, client from sessions'
    : t === 'instances'
      ? 'select id, started_at, address from instances'
      : `select * from "${t}"`;

function rowsOf(db: Database.Database): Map<string, string[]> {
  const names = db
    .prepare(
      "select name from sqlite_master where type = 'table' and name not " +
        "like 'sqlite_%' and name not like '__drizzle%' order by name",
    )
    .pluck()
    .all() as string[];
  return new Map(
    names
      .filter((t) => !BACKGROUND.has(t))
      .map((t) => [
        t,
        db
          .prepare(select(t))
          .raw()
          .all()
          .map((r) => JSON.stringify(r)),
      ]),
  );
}

function diffTables(before: Map<string, string[]>, after: Map<string, string[]>): string[] {
  const changes: string[] = [];
  for (const [table, rows] of after) {
    const old = new Set(before.get(table) ?? []);
    const now = new Set(rows);
    const added = rows.filter((r) => !old.has(r));
    const removed = [...old].filter((r) => !now.has(r));
    if (added.length || removed.length)
      changes.push(`${table}: +${added.length} −${removed.length}${added[0] ? ` e.g. ${added[0].slice(0, 160)}` : ''}`);
  }
  return changes;
}

function storedFiles(dataDir: string): Set<string> {
  const dir = path.join(dataDir, 'media');
  if (!fs.existsSync(dir)) return new Set();
  return new Set(
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name)),
  );
}
