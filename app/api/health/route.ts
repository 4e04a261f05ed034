import { sql } from 'drizzle-orm';
import { db } from '@/db';

export const dynamic = 'force-dynamic';

// GET /api/health — 200 once the database is open and migrated.
export function GET() {
  db().run(sql`select 1`);
  return Response.json({ ok: true });
}
