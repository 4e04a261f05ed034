import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Reads a server's real data dir: the SQLite file and the storage folders, as they are on disk. */
export function inspect(dataDir: string) {
  const files = (dir: string): string[] => {
    const full = path.join(dataDir, dir);
    if (!fs.existsSync(full)) return [];
    return fs
      .readdirSync(full, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
  };
  const query = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = new Database(path.join(dataDir, 'kura.db'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };
  return {
    objects: () => files('media/objects'),
    temps: () => files('media/tmp'),
    mediaRows: () =>
      query<{ id: string; file_name: string; storage_key: string }>('select id, file_name, storage_key from media'),
    mediaNamed: (name: string) => query<{ id: string }>('select id from media where file_name = ?', name),
    journal: () => query<{ key: string; reason: string }>('select key, reason from storage_journal'),
    query,
  };
}
