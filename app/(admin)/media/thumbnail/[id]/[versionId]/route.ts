import { requireMember } from '@/lib/auth/session';
import { handle } from '@/lib/http/handle';
import { mediaId, versionId } from '@/lib/media/schemas';
import { versionThumbnail } from '@/lib/versions/version-thumbnail';

export const dynamic = 'force-dynamic';

// GET /media/thumbnail/{id}/{versionId} — the History's small WebP preview of an earlier version of an image.
export function GET(_req: Request, ctx: { params: Promise<{ id: string; versionId: string }> }) {
  return handle(async () => {
    const actor = await requireMember();
    const p = await ctx.params;
    const variant = await versionThumbnail(actor, mediaId.parse(p.id), versionId.parse(p.versionId));
    return new Response(new Uint8Array(variant.data), {
      headers: { 'Content-Type': variant.contentType, 'Cache-Control': 'private, max-age=31536000, immutable' },
    });
  });
}
