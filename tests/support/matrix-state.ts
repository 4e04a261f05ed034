import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

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
  private readonly pinned: Database.Database;
  private readonly live: Database.Database;
  private version = 0;
  private files = new Set<string>();

  constructor(private readonly dataDir: string) {
    const file = path.join(dataDir, 'kura.db');
    this.pinned = new Database(file, { readonly: true, fileMustExist: true });
    this.live = new Database(file, { readonly: true, fileMustExist: true });
  }

  /** Pins the state as it is now. */
  begin(): void {
    this.pinned.exec('BEGIN');
    this.pinned.prepare('select count(*) from sqlite_master').get(); // the read transaction starts here
    this.version = this.live.pragma('data_version', { simple: true }) as number;
    this.files = storedFiles(this.dataDir);
  }

  /** What changed since {@link begin}, as people read it (empty: nothing). */
  changes(): string[] {
    try {
      const changes =
        this.live.pragma('data_version', { simple: true }) === this.version
          ? []
          : diffTables(rowsOf(this.pinned), rowsOf(this.live));
      const now = storedFiles(this.dataDir);
      const added = [...now].filter((f) => !this.files.has(f)).length;
      const removed = [...this.files].filter((f) => !now.has(f)).length;
      if (added || removed) changes.push(`stored files: +${added} −${removed}`);
      return changes;
    } finally {
      this.pinned.exec('COMMIT');
    }
  }

  close() {
    this.pinned.close();
    this.live.close();
  }
}

function rowsOf(db: Database.Database): Map<string, string[]> {
  const names = db
    .prepare(
      "select name from sqlite_master where type = 'table' and name not " +
        "like 'sqlite_%' and name not like '__drizzle%' order by name",
    )
    .pluck()
    .all() as string[];
  // A session's last-seen time is written by any request now and then (refused ones too): not a change.
  const select = (t: string) =>
    t === 'sessions' ? 'select id, member_id, created_at, expires_at, client from sessions' : `select * from "${t}"`;
  return new Map(
    names.map((t) => [
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
