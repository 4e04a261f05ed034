import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Adds an API key with the given rights straight into a server's database: the way to get a key
 * that is *not* all-powerful until the API-key screen exists. Returns the secret.
 */
export function createApiKey(dataDir: string, rights: Partial<Record<'media_get' | 'media_upload' | 'media_edit' | 'media_delete', boolean>>): string {
  const secret = randomBytes(24).toString('base64url');
  const db = new Database(path.join(dataDir, 'kura.db'));
  try {
    db.prepare(
      `insert into api_keys (id, name, key_hash, key_preview, media_get, media_upload, media_edit, media_delete)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      randomBytes(16).toString('hex'),
      'test key',
      createHash('sha256').update(secret).digest('hex'),
      secret.slice(0, 6),
      Number(!!rights.media_get),
      Number(!!rights.media_upload),
      Number(!!rights.media_edit),
      Number(!!rights.media_delete),
    );
  } finally {
    db.close();
  }
  return secret;
}
