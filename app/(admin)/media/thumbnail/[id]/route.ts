import { requireMember } from '@/lib/auth/session';
import { notFound } from '@/lib/errors';
import { handle } from '@/lib/http/handle';
import { getMediaRow } from '@/lib/media/get-media';
import { mediaId } from '@/lib/media/schemas';
import { thumbnailOf } from '@/lib/media/thumbnail';

export const dynamic = 'force-dynamic';

// GET /media/thumbnail/{id} — the library's small WebP preview of an image, a video's poster frame or a PDF's
// first page, of media the member may read.
export function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireMember();
    const row = await getMediaRow(actor, mediaId.parse((await ctx.params).id));
    if (row.kind !== 'image' && !row.hasPreview) throw notFound('No preview for this media');
    const variant = await thumbnailOf(row);
    return new Response(new Uint8Array(variant.data), {
      headers: { 'Content-Type': variant.contentType, 'Cache-Control': 'private, max-age=31536000, immutable' },
    });
  });
}
