import type { Readable } from 'node:stream';
import type { NextApiRequest, NextApiResponse } from 'next';
import rangeParser from 'range-parser';
import { config as kuraConfig } from '@/lib/config';
import { pagesRoute, sendJson } from '@/lib/http/pages-route';
import { deliveryHeaders } from '@/lib/media/delivery-headers';
import { findDeliverable } from '@/lib/media/find-deliverable';
import { versionedUrl, versionOf } from '@/lib/media/urls';
import { storageNamed } from '@/lib/storage';

// A Pages API route on purpose: App Router handlers drop the Content-Length we set (docs/architecture.md).
// Next reads this statically: it must be a literal here.
export const config = { api: { bodyParser: false, responseLimit: false, externalResolver: true } };

const IMMUTABLE = 'public, max-age=31536000, immutable';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

// GET/HEAD /assets/{serviceId}/{mediaId}/{fileName} — public delivery of the original bytes.
async function deliver(req: NextApiRequest, res: NextApiResponse) {
  const m = findDeliverable(one(req.query.service), one(req.query.id), one(req.query.name));
  if (!m) return sendJson(res, 404, { message: 'Not found' });

  const search = new URL(req.url ?? '/', 'http://kura').searchParams;
  const v = search.get('v');
  if (v !== null && v !== versionOf(m)) {
    // An old version: send the client to the bytes it should cache now.
    search.delete('v');
    const rest = search.toString();
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Location', versionedUrl(m) + (rest ? `&${rest}` : ''));
    return res.status(307).end();
  }

  const headers = deliveryHeaders(m, {
    cacheControl: v === null ? kuraConfig().KURA_CACHE_CONTROL : IMMUTABLE,
    download: search.has('dl') ? search.get('dl')! : undefined,
  });

  if (req.headers['if-none-match']?.split(/\s*,\s*/).some((tag) => tag === headers.ETag || tag === '*' || tag === `W/${headers.ETag}`)) {
    for (const name of ['ETag', 'Cache-Control', 'Last-Modified'] as const) res.setHeader(name, headers[name]);
    return res.status(304).end();
  }

  let range: { start: number; end: number } | undefined;
  const ifRange = req.headers['if-range'];
  if (req.headers.range && (!ifRange || ifRange === headers.ETag)) {
    const parsed = rangeParser(m.size, req.headers.range, { combine: true });
    if (parsed === -1) {
      res.setHeader('Content-Range', `bytes */${m.size}`);
      return sendJson(res, 416, { message: 'The requested range is outside the file' });
    }
    // A single byte range gets 206; several ranges (rare) or another unit get the whole file, as HTTP allows.
    if (parsed !== -2 && parsed.type === 'bytes' && parsed.length === 1) range = parsed[0];
  }

  let body: Readable | undefined;
  if (req.method === 'GET') {
    try {
      body = await storageNamed(m.storage).read(m.storageKey, range);
    } catch (err) {
      console.error('[kura] media bytes missing', m.id, err);
      return sendJson(res, 500, { message: 'The stored file could not be read' });
    }
  }

  // Only a successful answer carries the file's headers, so no error is ever cached as the file.
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Length', String(range ? range.end - range.start + 1 : m.size));
  if (range) {
    res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${m.size}`);
    res.status(206);
  } else res.status(200);
  if (!body) return res.end();

  body.on('error', (err) => {
    console.error('[kura] delivery stream failed', err);
    res.destroy(err);
  });
  res.on('close', () => body.destroy());
  body.pipe(res);
}

export default pagesRoute({ GET: deliver, HEAD: deliver });
