import { apiActor } from '@/lib/http/api-actor';
import { headersOf, pagesRoute, sendJson } from '@/lib/http/pages-route';
import { receiveFile } from '@/lib/http/receive-file';
import { uploadAnswer } from '@/lib/media/find-duplicate';
import { mediaListV1Query } from '@/lib/media/api-query';
import { listMediaRange } from '@/lib/media/list-media-range';
import { uploadLimit } from '@/lib/media/upload-limit';
import { uploadMedia } from '@/lib/media/upload-media';
import { assertMediaRight } from '@/lib/permissions/media';

// A Pages API route so the upload arrives as Node's own stream, not copied into a web stream
// and back (bench/RESULTS.md: that copy cost a fifth of the throughput).
// Next reads this statically: it must be a literal here.
export const config = { api: { bodyParser: false, responseLimit: false, externalResolver: true } };

export default pagesRoute({
  // GET /api/v1/media?limit&offset&imageOnly — microCMS's media list (API key with media get), newest first.
  async GET(req, res) {
    const actor = await apiActor(headersOf(req));
    const query = mediaListV1Query.parse(req.query);
    const { items, total } = await listMediaRange(actor, {
      limit: query.limit,
      offset: query.offset,
      imagesOnly: query.imageOnly,
    });
    sendJson(res, 200, { media: items, totalCount: total, limit: query.limit, offset: query.offset });
  },
  // POST /api/v1/media — upload one file (multipart part "file") with an API key; 201 with the media record and
  // `duplicateOf` (the item that already held these bytes, or null).
  async POST(req, res) {
    const actor = await apiActor(headersOf(req));
    assertMediaRight(actor, 'upload'); // refuse before reading a byte; uploadMedia checks again
    const created = await receiveFile(req, uploadLimit(), (file) => uploadMedia(actor, file));
    sendJson(res, 201, await uploadAnswer(actor, created));
  },
});
