import { requireMember } from '@/lib/auth/session';
import { forbidden } from '@/lib/errors';
import { handle } from '@/lib/http/handle';
import { receiveUpload } from '@/lib/http/receive-upload';
import { presentMedia } from '@/lib/media/present';

export const dynamic = 'force-dynamic';

// POST /media/upload — the library's uploader: one file per request, as the logged-in member.
export function POST(req: Request) {
  return handle(async () => {
    const origin = req.headers.get('origin');
    if (origin && origin !== new URL(req.url).origin && origin !== `${req.headers.get('x-forwarded-proto') ?? 'http'}://${req.headers.get('host')}`)
      throw forbidden('Uploads must come from Kura itself');
    const actor = await requireMember();
    const created = await receiveUpload(req, actor);
    return Response.json(presentMedia([created])[0], { status: 201 });
  });
}
