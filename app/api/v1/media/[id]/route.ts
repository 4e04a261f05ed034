import { apiActor } from '@/lib/http/api-actor';
import { handle, notAllowed } from '@/lib/http/handle';
import { readJson } from '@/lib/http/read-json';
import { permanentQuery } from '@/lib/media/api-query';
import { deleteMedia } from '@/lib/media/delete-media';
import { editMedia } from '@/lib/media/edit-media';
import { getMedia } from '@/lib/media/get-media';
import { mediaId } from '@/lib/media/schemas';

type Params = { params: Promise<{ id: string }> };

// GET /api/v1/media/{id} — one media record (API key with media get).
export function GET(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const id = mediaId.parse((await params).id);
    return Response.json(await getMedia(actor, id), { headers: { 'Cache-Control': 'no-store' } });
  });
}

// PATCH /api/v1/media/{id} — any of fileName, alt, tags, creatorId, focalPoint, crop, rotate, flip (API key with
// media edit); 200 with the whole record.
export function PATCH(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const id = mediaId.parse((await params).id);
    return Response.json(await editMedia(actor, id, await readJson(request)));
  });
}

// DELETE /api/v1/media/{id}?permanent= — move to Trash unless content uses it; `permanent=true` deletes it for good
// (API key with media delete).
export function DELETE(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const id = mediaId.parse((await params).id);
    const { permanent } = permanentQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await deleteMedia(actor, id, { permanent }));
  });
}

const other = notAllowed('GET', 'PATCH', 'DELETE');
export const POST = other;
export const PUT = other;
