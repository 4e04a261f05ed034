import { requireMemberForApi } from '@/lib/auth/session';
import { badRequest, forbidden } from '@/lib/errors';
import { headersOf, pagesRoute, sendJson } from '@/lib/http/pages-route';
import { queryFlag } from '@/lib/http/query-flag';
import { receiveFile } from '@/lib/http/receive-file';
import { fromKuraPage } from '@/lib/http/same-origin';
import { presentMedia } from '@/lib/media/present';
import { replaceMedia } from '@/lib/media/replace-media';
import { mediaId } from '@/lib/media/schemas';
import { uploadLimit } from '@/lib/media/upload-limit';
import { assertMediaRight } from '@/lib/permissions/media';

// Next reads this statically: it must be a literal here.
export const config = { api: { bodyParser: false, responseLimit: false, externalResolver: true } };

export default pagesRoute({
  // PUT /api/media/{id}/file[?newUrl=true] — the panel's Re-upload, as the logged-in member; 200 with the media record.
  async PUT(req, res) {
    const actor = await requireMemberForApi(req, res);
    if (!fromKuraPage(headersOf(req))) throw forbidden('Uploads must come from a Kura page');
    const id = mediaId.parse(req.query.id);
    const newUrl = queryFlag(req.query.newUrl);
    if (newUrl === null) throw badRequest('newUrl must be true or false');
    assertMediaRight(actor, 'edit'); // refuse before reading a byte; replaceMedia checks again
    const replaced = await receiveFile(req, uploadLimit(), (file) => replaceMedia(actor, id, { ...file, newUrl }));
    sendJson(res, 200, (await presentMedia([replaced]))[0]);
  },
});
