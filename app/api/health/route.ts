import { checkDatabase } from '@/lib/service/check-database';

export const dynamic = 'force-dynamic';

// GET /api/health — 200 once the database is open and migrated.
export async function GET() {
  await checkDatabase();
  return Response.json({ ok: true });
}
