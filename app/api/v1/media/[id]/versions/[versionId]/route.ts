import { apiActor } from '@/lib/http/api-actor';
import { handle, notAllowed } from '@/lib/http/handle';
import { mediaId, versionId } from '@/lib/media/schemas';
import { deleteVersion } from '@/lib/versions/delete-version';

type Params = { params: Promise<{ id: string; versionId: string }> };

// DELETE /api/v1/media/{id}/versions/{versionId} — delete an earlier version and its bytes (API key with delete
// media, on media it may get).
export function DELETE(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const p = await params;
    return Response.json(await deleteVersion(actor, mediaId.parse(p.id), versionId.parse(p.versionId)));
  });
}

const other = notAllowed('DELETE');
export const GET = other;
export const POST = other;
export const PUT = other;
export const PATCH = other;
