import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { settings } from '@/db/schema';
import { envS3Location, s3StorageName } from '@/lib/storage/s3-config';

/** The `settings` row naming the storage new uploads go to. */
const UPLOAD_TARGET = 'storage.upload';

/** The storage new uploads go to: the environment's bucket, else the one chosen in Media settings, else local disk. */
export function uploadTargetName(): string {
  const env = envS3Location();
  if (env) return s3StorageName(env);
  return db().select().from(settings).where(eq(settings.key, UPLOAD_TARGET)).get()?.value ?? 'local';
}

export function setUploadTarget(name: string): void {
  db()
    .insert(settings)
    .values({ key: UPLOAD_TARGET, value: name })
    .onConflictDoUpdate({ target: settings.key, set: { value: name } })
    .run();
}
