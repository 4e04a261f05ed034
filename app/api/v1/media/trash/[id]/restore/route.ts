import { apiActor } from '@/lib/http/api-actor';
import { handle, notAllowed } from '@/lib/http/handle';
import { mediaId } from '@/lib/media/schemas';
import { restoreMedia } from '@/lib/trash/restore-media';

type Params = { params: Promise<{ id: string }> };

// POST /api/v1/media/trash/{id}/restore — bring a media item back from Trash, same id and URL; answers `{id}` (API key
// with media delete).
export function POST(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const id = mediaId.parse((await params).id);
    return Response.json(await restoreMedia(actor, id));
  });
}

const other = notAllowed('POST');
export const GET = other;
export const PUT = other;
export const PATCH = other;
export const DELETE = other;
