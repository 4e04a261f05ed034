import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/db';

/** Throws unless the database is open and migrated (`GET /api/health`). */
export function checkDatabase(): void {
  db().run(sql`select 1`);
}
