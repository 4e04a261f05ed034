import 'server-only';
import { badRequest } from '@/lib/errors';
import type { S3Location } from '@/lib/storage/s3';
import { s3StorageName } from '@/lib/storage/s3-config';
import type { S3Fields } from '@/lib/storage/schemas';
import { locationOf, readS3Config } from './s3-configs';

/** The form's fields as a location; an empty secret keeps the one stored for this bucket and key id. */
export function locationFromFields(f: S3Fields): S3Location {
  const base = {
    bucket: f.bucket,
    region: f.region,
    endpoint: f.endpoint ? f.endpoint.replace(/\/+$/, '') : null,
    forcePathStyle: f.forcePathStyle,
    prefix: f.prefix,
    publicUrl: f.publicUrl ? f.publicUrl.replace(/\/+$/, '') : null,
    fixFileNames: f.fixFileNames,
  };
  if (f.credentials === 'default') return { ...base, credentials: null };
  if (!f.accessKeyId)
    throw badRequest('accessKeyId: required with access keys (or choose the default credential chain)');
  if (f.secretAccessKey)
    return { ...base, credentials: { accessKeyId: f.accessKeyId, secretAccessKey: f.secretAccessKey } };
  const stored = readS3Config(s3StorageName(base));
  const kept = stored && stored.accessKeyId === f.accessKeyId ? locationOf(stored).credentials : null;
  if (!kept) throw badRequest('secretAccessKey: required for this access key id (none is stored for it)');
  return { ...base, credentials: kept };
}
