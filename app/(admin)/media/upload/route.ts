import { requireMember } from '@/lib/auth/session';
import { forbidden } from '@/lib/errors';
import { handle } from '@/lib/http/handle';
import { receiveUpload } from '@/lib/http/receive-upload';
import { presentMedia } from '@/lib/media/present';

export const dynamic = 'force-dynamic';

/** The session cookie alone is no proof of intent: the request must come from a Kura page. */
function fromKuraPage(req: Request): boolean {
  if (req.headers.get('sec-fetch-site') === 'same-origin') return true;
  const origin = req.headers.get('origin');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (!origin || !host || !URL.canParse(origin)) return false;
  return new URL(origin).host === host;
}

// POST /media/upload — the library's uploader: one file per request, as the logged-in member.
export function POST(req: Request) {
  return handle(async () => {
    const actor = await requireMember();
    if (!fromKuraPage(req)) throw forbidden('Uploads must come from a Kura page');
    const created = await receiveUpload(req, actor);
    return Response.json(presentMedia([created])[0], { status: 201 });
  });
}
