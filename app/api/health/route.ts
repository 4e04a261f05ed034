import { diskHealth } from '@/lib/disk/free-space';
import { checkDatabase } from '@/lib/service/check-database';
import { notAllowed } from '@/lib/http/handle';

export const dynamic = 'force-dynamic';

// GET /api/health — 200 once the database is open and migrated, with which database and storage are in use, the
// data directory's free bytes and a `warning` when they run low.
export async function GET() {
  return Response.json({ ok: true, ...(await checkDatabase()), ...(await diskHealth()) });
}

const other = notAllowed('GET');
export const POST = other;
export const PUT = other;
export const PATCH = other;
export const DELETE = other;
