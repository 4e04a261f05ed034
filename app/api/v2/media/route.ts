import { z } from 'zod';
import { apiActor } from '@/lib/http/api-actor';
import { handle, notAllowed } from '@/lib/http/handle';
import { badRequest, notFound } from '@/lib/errors';
import { mediaListV2Query, permanentFlag } from '@/lib/media/api-query';
import { listMediaAfterToken } from '@/lib/media/list-media-after-token';
import { deleteMedia, MediaReferenced } from '@/lib/media/delete-media';
import { parseDeliveryUrl } from '@/lib/media/urls';

const deleteQuery = z.object({
  url: z
    .string('required: the delivery URL of the media to delete')
    .min(1, 'required: the delivery URL of the media to delete'),
  permanent: permanentFlag,
});

// GET /api/v2/media?limit&imageOnly&fileName&alt&tags&token — newest first with a keyset token (API key with media
// get).
export function GET(request: Request) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const query = mediaListV2Query.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { imageOnly, ...filter } = query;
    return Response.json(await listMediaAfterToken(actor, { ...filter, kind: imageOnly ? 'image' : undefined }), {
      headers: { 'Cache-Control': 'no-store' },
    });
  });
}

// DELETE /api/v2/media?url=&permanent= — move one media item to Trash unless content uses it; `permanent=true` deletes
// it for good at once (API key with media delete).
export function DELETE(request: Request) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const { url, permanent } = deleteQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    if (!URL.canParse(url)) throw badRequest('url: must be the delivery URL of the media to delete');
    const parts = await parseDeliveryUrl(url);
    if (!parts) throw notFound('No media at this URL');
    try {
      return Response.json(await deleteMedia(actor, parts.mediaId, { fileName: parts.fileName, permanent }));
    } catch (err) {
      // microCMS's exact answer, which migrating clients match on.
      if (err instanceof MediaReferenced)
        return Response.json({ message: 'this medium is referenced by another content' }, { status: 400 });
      throw err;
    }
  });
}

const other = notAllowed('GET', 'DELETE');
export const POST = other;
export const PUT = other;
export const PATCH = other;
