import 'server-only';
import type { Readable } from 'node:stream';
import rangeParser from 'range-parser';
import type { Media } from '@/db/schema';
import { deliveryHeaders } from '@/lib/media/delivery-headers';
import { storageNamed } from '@/lib/storage-settings/configured-storages';
import { jsonAnswer, matchesETag, type Answer } from './answer';
import type { DeliveryRequest } from './deliver';

/**
 * The stored bytes as they are: 304 when the client holds this version, 206 for one byte range (416 outside
 * the file), else 200; HEAD opens nothing. `early` are headers decided before (Image API notes).
 */
export async function deliverOriginal(
  m: Media,
  request: DeliveryRequest,
  opts: { search: URLSearchParams; cacheControl: string; early: Record<string, string> },
): Promise<Answer> {
  const { search, early } = opts;
  const download = search.has('dl') ? search.get('dl')! : undefined;
  const headers = deliveryHeaders(m, { cacheControl: opts.cacheControl, download });

  if (matchesETag(request.headers['if-none-match'], headers.ETag)) {
    const { ETag, 'Cache-Control': cacheControl, 'Last-Modified': lastModified } = headers;
    return { status: 304, headers: { ...early, ETag, 'Cache-Control': cacheControl, 'Last-Modified': lastModified } };
  }

  let range: { start: number; end: number } | undefined;
  const { range: asked, 'if-range': ifRange } = request.headers;
  if (asked && (!ifRange || ifRange === headers.ETag)) {
    const parsed = rangeParser(m.size, asked, { combine: true });
    if (parsed === -1) {
      const outside = { ...early, 'Content-Range': `bytes */${m.size}` };
      return jsonAnswer(416, { message: 'The requested range is outside the file' }, outside);
    }
    // A single byte range gets 206; several ranges (rare) or another unit get the whole file, as HTTP allows.
    if (parsed !== -2 && parsed.type === 'bytes' && parsed.length === 1) range = parsed[0];
  }

  let body: Readable | undefined;
  if (request.method === 'GET') {
    try {
      body = await storageNamed(m.storage).read(m.storageKey, range);
    } catch (err) {
      console.error('[kura] media bytes missing', m.id, err);
      return jsonAnswer(500, { message: 'The stored file could not be read' }, early);
    }
  }

  // Only a successful answer carries the file's headers, so no error is ever cached as the file.
  const length = String(range ? range.end - range.start + 1 : m.size);
  if (!range) return { status: 200, headers: { ...early, ...headers, 'Content-Length': length }, body };
  const partial = { 'Content-Length': length, 'Content-Range': `bytes ${range.start}-${range.end}/${m.size}` };
  return { status: 206, headers: { ...early, ...headers, ...partial }, body };
}
