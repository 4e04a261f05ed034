import 'server-only';
import type { Tx } from '@/db';
import { setting, writeSetting } from '@/lib/settings/snapshot';
import { envS3Location, s3StorageName } from '@/lib/storage/s3-config';

/** The `settings` row naming the storage new uploads go to. */
const UPLOAD_TARGET = 'storage.upload';

/** The storage new uploads go to: the environment's bucket, else the one chosen in Media settings, else local disk. */
export function uploadTargetName(): string {
  const env = envS3Location();
  if (env) return s3StorageName(env);
  return setting(UPLOAD_TARGET) ?? 'local';
}

export const setUploadTarget = (tx: Tx, name: string) => writeSetting(tx, UPLOAD_TARGET, name);
