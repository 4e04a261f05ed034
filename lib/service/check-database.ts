import 'server-only';
import { databaseKind, pingDatabase } from '@/db';
import { instanceId } from '@/lib/instances/this-instance';
import { uploadTargetName } from '@/lib/storage-settings/upload-target';

/**
 * What `GET /api/health` tells an operator besides "ok": which database and upload storage this server uses, and
 * which instance answered (its id in the `instances` table; behind a load balancer, which one this was).
 */
export type HealthDetails = { database: 'sqlite' | 'postgresql'; storage: 'local' | 's3'; instance: string };

/**
 * Throws unless the database is open and migrated (`GET /api/health`); answers which database and which kind
 * of storage new uploads go to (never a name, bucket or secret).
 */
export async function checkDatabase(): Promise<HealthDetails> {
  await pingDatabase();
  return {
    database: databaseKind() === 'postgres' ? 'postgresql' : 'sqlite',
    storage: uploadTargetName() === 'local' ? 'local' : 's3',
    instance: instanceId(),
  };
}
