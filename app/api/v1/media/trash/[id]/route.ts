import { apiActor } from '@/lib/http/api-actor';
import { handle, notAllowed } from '@/lib/http/handle';
import { notFound } from '@/lib/errors';
import { mediaId } from '@/lib/media/schemas';
import { deleteTrashedMedia } from '@/lib/trash/delete-trashed-media';

type Params = { params: Promise<{ id: string }> };

// DELETE /api/v1/media/trash/{id} — delete a media item in Trash permanently, bytes and versions (media delete).
export function DELETE(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const id = mediaId.parse((await params).id);
    const [outcome] = await deleteTrashedMedia(actor, [id]);
    if (!outcome.deleted) throw notFound(outcome.reason);
    return Response.json({ id });
  });
}

const other = notAllowed('DELETE');
export const GET = other;
export const POST = other;
export const PUT = other;
export const PATCH = other;
