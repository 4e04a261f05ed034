import { apiActor } from '@/lib/http/api-actor';
import { handle, notAllowed } from '@/lib/http/handle';
import { mediaId, versionId } from '@/lib/media/schemas';
import { restoreVersion } from '@/lib/versions/restore-version';

type Params = { params: Promise<{ id: string; versionId: string }> };

// POST /api/v1/media/{id}/versions/{versionId}/restore — make an earlier version current again, as a re-upload of
// its bytes; answers the whole record (API key with edit media, on media it may get).
export function POST(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const p = await params;
    return Response.json(await restoreVersion(actor, mediaId.parse(p.id), versionId.parse(p.versionId)));
  });
}

const other = notAllowed('POST');
export const GET = other;
export const PUT = other;
export const PATCH = other;
export const DELETE = other;
