import 'server-only';
import { pingDatabase } from '@/db';

/** Throws unless the database is open and migrated (`GET /api/health`). */
export async function checkDatabase(): Promise<void> {
  await pingDatabase();
}
