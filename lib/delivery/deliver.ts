// Design notes: docs/architecture.md, "Delivery".
import 'server-only';
import type { IncomingHttpHeaders } from 'node:http';
import type { Media } from '@/db/schema';
import { config } from '@/lib/config';
import { ignoredHeader } from '@/lib/image-api/ignored-header';
import { namesCrop, parseImageParams } from '@/lib/image-api/parse-params';
import { withStoredEdit } from '@/lib/image-api/stored-edit';
import { signUrl, verifySignature } from '@/lib/image-api/signature';
import { findDeliverable } from '@/lib/media/find-deliverable';
import { editOf } from '@/lib/media/image-edit';
import { kuraUrl, versionOf } from '@/lib/media/urls';
import { countDelivery, type Output } from '@/lib/usage/count-delivery';
import { errorAnswer, jsonAnswer, type Answer } from './answer';
import { isTransformable, resolveMark } from './mark';
import { deliverOriginal } from './original';
import { deliverVariant } from './variant';

/** The public address of one file: `/assets/{service}/{id}/{fileName}`. */
export type DeliveryAddress = { service: string; id: string; fileName: string };

export type DeliveryRequest = {
  method: string;
  /** The path and query as the client sent them (still percent-encoded): what an imgix signature covers. */
  url: string;
  headers: Pick<IncomingHttpHeaders, 'accept' | 'if-none-match' | 'range'> & { 'if-range'?: string | string[] };
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Public delivery (GET/HEAD): the original bytes or an Image API variant, as a plain answer for any adapter
 * to write. Unknown, renamed or deleted media is a 404; an old `?v=` is a 307 to the current version.
 * Never throws: a malformed Image API parameter (400), a bad signature (403), a full render queue (503 +
 * `Retry-After`) and every other failure is an answer too.
 * @example await deliver({ service, id, fileName: 'a.png' }, { method: 'GET', url: '/assets/s/id/a.png?w=9', headers })
 */
export async function deliver(address: DeliveryAddress, request: DeliveryRequest): Promise<Answer> {
  // Headers decided before a later step fails (Image API notes) go on its error answer too.
  const early: Record<string, string> = {};
  try {
    const m = await findDeliverable(address.service, address.id, address.fileName);
    if (!m) return jsonAnswer(404, { message: 'Not found' });

    const search = new URL(request.url, 'http://kura').searchParams;
    const v = search.get('v');
    if (v !== null && v !== versionOf(m)) return redirectToCurrent(m, search, request.url);

    const cacheControl = v === null ? config().KURA_CACHE_CONTROL : IMMUTABLE;
    if (isTransformable(m)) {
      // Image API: a malformed parameter is a 400 naming it; unknown ones are listed, not fatal.
      const token = config().KURA_IMAGE_SIGNING_TOKEN;
      if (token) search.delete('s');
      const plan = parseImageParams(search, { accept: request.headers.accept });
      if (plan.transforms && token) verifySignature(signedPart(request.url), token);
      const ignored = ignoredHeader(plan.ignored);
      if (ignored) early['Kura-Ignored-Params'] = ignored;
      if (plan.varyAccept) early.Vary = 'Accept';
      if (plan.transforms) {
        // The stored edit (crop, turn, flip, focal point) comes first, unless the editor asks for the original (raw=1).
        const edited = search.get('raw') === '1' ? plan : withStoredEdit(plan, editOf(m), namesCrop(search));
        const { plan: marked, mark } = await resolveMark(edited);
        return counted(m, 'variant', await deliverVariant(m, marked, request, { cacheControl, early, mark }));
      }
    } else {
      // Served as stored (SVG, video, PDF, any other file): every parameter but `v` and `dl` is ignored, and said so.
      const ignored = ignoredHeader([...new Set(search.keys())].filter((name) => name !== 'v' && name !== 'dl').sort());
      if (ignored) early['Kura-Ignored-Params'] = ignored;
    }
    return counted(m, 'original', await deliverOriginal(m, request, { search, cacheControl, early }));
  } catch (err) {
    return errorAnswer(err, early);
  }
}

/** Counts a served answer (200, 206, 304) for Media settings → Usage: its body's length, none for HEAD and 304. */
function counted(m: Media, output: Output, answer: Answer): Answer {
  if (answer.status === 200 || answer.status === 206 || answer.status === 304)
    countDelivery(m.id, output, answer.body ? Number(answer.headers['Content-Length'] ?? 0) : 0);
  return answer;
}

/** An old version: send the client to the bytes it should cache now (other parameters kept). */
function redirectToCurrent(m: Media, search: URLSearchParams, url: string): Answer {
  search.delete('v');
  // A signed URL stays signed for the new version, only when its own signature holds.
  const token = config().KURA_IMAGE_SIGNING_TOKEN;
  const signed = token !== undefined && search.has('s');
  if (signed) verifySignature(signedPart(url), token);
  search.delete('s');
  const rest = search.toString();
  const location = `${kuraUrl(m)}?v=${versionOf(m)}` + (rest ? `&${rest}` : '');
  // Kura's own URL even for direct-bucket media: this request asked Kura (perhaps for the Image API).
  const headers = { 'Cache-Control': 'no-store', Location: signed ? signUrl(location, token) : location };
  return { status: 307, headers };
}

/** The path and query the client signed: the public `/assets/…` path, whether or not Next rewrote it. */
const signedPart = (url: string) => (url.startsWith('/api/assets/') ? url.slice(4) : url);
