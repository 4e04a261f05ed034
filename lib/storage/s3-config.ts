import 'server-only';
import { config } from '@/lib/config';
import type { S3Location } from './s3';
import { s3Fields } from './schemas';

// Stored bucket configurations and the upload target live in the settings table: lib/storage-settings/.

/** The storage name of a bucket: `s3:{endpoint host and path, or "aws"}/{bucket}`. */
export function s3StorageName(loc: Pick<S3Location, 'bucket' | 'endpoint'>): string {
  const where = loc.endpoint
    ? `${new URL(loc.endpoint).host}${new URL(loc.endpoint).pathname.replace(/\/+$/, '')}`
    : 'aws';
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
    credentials:
      c.KURA_S3_ACCESS_KEY_ID && c.KURA_S3_SECRET_ACCESS_KEY
        ? { accessKeyId: c.KURA_S3_ACCESS_KEY_ID, secretAccessKey: c.KURA_S3_SECRET_ACCESS_KEY }
        : null,
    prefix: s3Fields.shape.prefix.parse(c.KURA_S3_PREFIX ?? ''),
    publicUrl: c.KURA_S3_PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    fixFileNames: c.KURA_S3_FIX_FILE_NAMES,
  };
}
