import fs from 'node:fs';
import path from 'node:path';
import { withTestDb, type Param } from './sql';

/** Reads a server's real data dir: its database (tests/support/sql.ts) and the storage folders on disk. */
export function inspect(dataDir: string) {
  const files = (dir: string): string[] => {
    const full = path.join(dataDir, dir);
    if (!fs.existsSync(full)) return [];
    return fs
      .readdirSync(full, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
  };
  const query = <T>(sql: string, ...params: Param[]): T[] =>
    withTestDb(dataDir, (db) => db.all<T>(sql, ...params), { readonly: true });
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
