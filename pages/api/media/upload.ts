import { requireMemberForApi } from '@/lib/auth/session';
import { forbidden } from '@/lib/errors';
import { headersOf, pagesRoute, sendJson } from '@/lib/http/pages-route';
import { receiveFile } from '@/lib/http/receive-file';
import { uploadAnswer } from '@/lib/media/find-duplicate';
import { fromKuraPage } from '@/lib/http/same-origin';
import { uploadLimit } from '@/lib/media/upload-limit';
import { uploadMedia } from '@/lib/media/upload-media';
import { assertMediaRight } from '@/lib/permissions/media';

// Next reads this statically: it must be a literal here.
export const config = { api: { bodyParser: false, responseLimit: false, externalResolver: true } };

export default pagesRoute({
  // POST /api/media/upload — the library's uploader: one file per request, as the logged-in member.
  async POST(req, res) {
    const actor = await requireMemberForApi(req, res);
    if (!fromKuraPage(headersOf(req))) throw forbidden('Uploads must come from a Kura page');
    assertMediaRight(actor, 'upload'); // refuse before reading a byte; uploadMedia checks again
    const created = await receiveFile(req, uploadLimit(), (file) => uploadMedia(actor, file));
    sendJson(res, 201, await uploadAnswer(actor, created));
  },
});
