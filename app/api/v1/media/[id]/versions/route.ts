import { apiActor } from '@/lib/http/api-actor';
import { handle, notAllowed } from '@/lib/http/handle';
import { mediaId } from '@/lib/media/schemas';
import { listVersions } from '@/lib/versions/list-versions';

type Params = { params: Promise<{ id: string }> };

// GET /api/v1/media/{id}/versions — the earlier versions a re-upload kept, newest first (API key with get media).
export function GET(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const versions = await listVersions(actor, mediaId.parse((await params).id));
    return Response.json({ versions }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

const other = notAllowed('GET');
export const POST = other;
export const PUT = other;
export const PATCH = other;
export const DELETE = other;
