import 'server-only';
import { eq, like } from 'drizzle-orm';
import { db } from '@/db';
import { settings } from '@/db/schema';
import { config } from '@/lib/config';
import { seal, unseal } from '@/lib/crypto/sealed';
import type { S3Location } from './s3';
import { s3Fields } from './schemas';

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
export const UPLOAD_TARGET = 'storage.upload';
const SECRET_PURPOSE = 's3 secret access key';

/** The storage name of a bucket: `s3:{endpoint host and path, or "aws"}/{bucket}`. */
export function s3StorageName(loc: Pick<S3Location, 'bucket' | 'endpoint'>): string {
  const where = loc.endpoint ? `${new URL(loc.endpoint).host}${new URL(loc.endpoint).pathname.replace(/\/+$/, '')}` : 'aws';
  return `s3:${where}/${loc.bucket}`;
}

/** The bucket of KURA_S3_*, when KURA_S3_BUCKET is set. */
export function envS3Location(): S3Location | null {
  const c = config();
  if (!c.KURA_S3_BUCKET) return null;
  return {
    bucket: c.KURA_S3_BUCKET,
    region: c.KURA_S3_REGION ?? 'us-east-1',
    endpoint: c.KURA_S3_ENDPOINT?.replace(/\/+$/, '') ?? null,
    forcePathStyle: c.KURA_S3_FORCE_PATH_STYLE,
    credentials: c.KURA_S3_ACCESS_KEY_ID && c.KURA_S3_SECRET_ACCESS_KEY ? { accessKeyId: c.KURA_S3_ACCESS_KEY_ID, secretAccessKey: c.KURA_S3_SECRET_ACCESS_KEY } : null,
    prefix: s3Fields.shape.prefix.parse(c.KURA_S3_PREFIX ?? ''),
    publicUrl: c.KURA_S3_PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    fixFileNames: c.KURA_S3_FIX_FILE_NAMES,
  };
}

export function readS3Config(name: string): StoredS3Config | null {
  const row = db().select().from(settings).where(eq(settings.key, ROW_PREFIX + name.slice('s3:'.length))).get();
  return row ? (JSON.parse(row.value) as StoredS3Config) : null;
}

/** Every stored S3 configuration by storage name. */
export function allS3Configs(): Map<string, StoredS3Config> {
  const rows = db().select().from(settings).where(like(settings.key, `${ROW_PREFIX}%`)).all();
  return new Map(rows.map((r) => [`s3:${r.key.slice(ROW_PREFIX.length)}`, JSON.parse(r.value) as StoredS3Config]));
}

/** Stores a configuration (the secret sealed with a key derived from AUTH_SECRET). */
export function writeS3Config(loc: S3Location, source: StoredS3Config['source']): string {
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
  db().insert(settings).values({ key: ROW_PREFIX + name.slice('s3:'.length), value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
  return name;
}

/** A stored configuration as a location to connect to (opening its sealed secret). */
export function locationOf(stored: StoredS3Config): S3Location {
  const { accessKeyId, secretSealed, source: _source, savedAt: _savedAt, ...rest } = stored;
  return { ...rest, credentials: accessKeyId && secretSealed ? { accessKeyId, secretAccessKey: unseal(SECRET_PURPOSE, secretSealed) } : null };
}

/** The storage new uploads go to: the environment's bucket, else the one chosen in Media settings, else local disk. */
export function uploadTargetName(): string {
  const env = envS3Location();
  if (env) return s3StorageName(env);
  return db().select().from(settings).where(eq(settings.key, UPLOAD_TARGET)).get()?.value ?? 'local';
}

export function setUploadTarget(name: string): void {
  db().insert(settings).values({ key: UPLOAD_TARGET, value: name }).onConflictDoUpdate({ target: settings.key, set: { value: name } }).run();
}
