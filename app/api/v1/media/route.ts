import { apiActor } from '@/lib/http/api-actor';
import { handle } from '@/lib/http/handle';
import { receiveUpload } from '@/lib/http/receive-upload';
import { presentMedia } from '@/lib/media/present';

export const dynamic = 'force-dynamic';

// POST /api/v1/media — upload one file (multipart part "file") with an API key; 201 with the media record.
export function POST(req: Request) {
  return handle(async () => {
    const actor = apiActor(req.headers);
    const created = await receiveUpload(req, actor);
    return Response.json(presentMedia([created])[0], { status: 201 });
  });
}
