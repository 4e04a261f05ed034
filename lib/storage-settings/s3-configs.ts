import 'server-only';
import type { Tx } from '@/db';
import { seal, unseal } from '@/lib/crypto/sealed';
import { setting, settingsStartingWith, writeSetting } from '@/lib/settings/snapshot';
import type { S3Location } from '@/lib/storage/s3';
import { s3StorageName } from '@/lib/storage/s3-config';

/**
 * S3 configurations live in the `settings` table, one row per bucket (`storage.s3:{endpoint}/{bucket}`),
 * and `storage.upload` names where new uploads go. A media row names its storage by that same name, so
 * rotating credentials, moving the prefix or adding a CDN changes the configuration in place, while a
 * new bucket or endpoint is a new storage and the old one stays configured for the media it holds.
 */
export type StoredS3Config = Omit<S3Location, 'credentials'> & {
  accessKeyId: string | null;
  secretSealed: string | null;
  source: 'settings' | 'env';
  savedAt: string;
};

const ROW_PREFIX = 'storage.s3:';
const SECRET_PURPOSE = 's3 secret access key';

export function readS3Config(name: string): StoredS3Config | null {
  const value = setting(ROW_PREFIX + name.slice('s3:'.length));
  return value ? (JSON.parse(value) as StoredS3Config) : null;
}

/** Every stored S3 configuration by storage name. */
export function allS3Configs(): Map<string, StoredS3Config> {
  const rows = settingsStartingWith(ROW_PREFIX);
  return new Map(
    rows.map(([key, value]) => [`s3:${key.slice(ROW_PREFIX.length)}`, JSON.parse(value) as StoredS3Config]),
  );
}

/** Stores a configuration (the secret sealed with a key derived from AUTH_SECRET) inside `tx`. */
export async function writeS3Config(tx: Tx, loc: S3Location, source: StoredS3Config['source']): Promise<string> {
  const name = s3StorageName(loc);
  const { credentials, ...rest } = loc;
  const stored: StoredS3Config = {
    ...rest,
    accessKeyId: credentials?.accessKeyId ?? null,
    secretSealed: credentials ? seal(SECRET_PURPOSE, credentials.secretAccessKey) : null,
    source,
    savedAt: new Date().toISOString(),
  };
  const value = JSON.stringify(stored);
  await writeSetting(tx, ROW_PREFIX + name.slice('s3:'.length), value);
  return name;
}

/** A stored configuration as a location to connect to (opening its sealed secret). */
export function locationOf(stored: StoredS3Config): S3Location {
  const { accessKeyId, secretSealed, source: _source, savedAt: _savedAt, ...rest } = stored;
  return {
    ...rest,
    credentials:
      accessKeyId && secretSealed ? { accessKeyId, secretAccessKey: unseal(SECRET_PURPOSE, secretSealed) } : null,
  };
}
