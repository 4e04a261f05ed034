import { z } from 'zod';
import { apiActor } from '@/lib/http/api-actor';
import { handle, notAllowed } from '@/lib/http/handle';
import { listTrash } from '@/lib/trash/list-trash';

const trashQuery = z.object({
  limit: z.coerce.number('limit: a number from 1 to 100').int().min(1).max(100).default(10),
  offset: z.coerce.number('offset: a whole number from 0').int().min(0).default(0),
});

// GET /api/v1/media/trash?limit&offset — media in Trash, newest first, with who deleted it and when (API key with
// media delete and get).
export function GET(request: Request) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const query = trashQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await listTrash(actor, query), { headers: { 'Cache-Control': 'no-store' } });
  });
}

const other = notAllowed('GET');
export const POST = other;
export const PUT = other;
export const PATCH = other;
export const DELETE = other;
