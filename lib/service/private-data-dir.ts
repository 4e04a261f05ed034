import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '@/lib/config';

/** What a data dir holds at its top: the database and its journals, the session secret, media and caches. */
const TOP_LEVEL = ['kura.db', 'kura.db-wal', 'kura.db-shm', 'auth-secret', 'media', 'cache'];

/**
 * Everything Kura writes from here on (database, secret, media, variants) is readable by the server's
 * user only: the database holds password hashes and sealed secrets, and media may be unpublished work.
 * A data dir made by an earlier version is tightened at its top level (walking every media file of a
 * large library would slow each start down).
 */
export function keepDataDirPrivate(): void {
  process.umask(0o077);
  const dir = config().dataDir;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const name of ['', ...TOP_LEVEL]) {
    const file = path.join(dir, name);
    try {
      fs.chmodSync(file, fs.statSync(file).isDirectory() ? 0o700 : 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') console.warn(`[kura] could not make ${file} private`, err);
    }
  }
}
