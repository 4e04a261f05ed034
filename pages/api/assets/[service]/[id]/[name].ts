import type { Readable } from 'node:stream';
import type { NextApiRequest, NextApiResponse } from 'next';
import rangeParser from 'range-parser';
import { config as kuraConfig } from '@/lib/config';
import { pagesRoute, sendJson } from '@/lib/http/pages-route';
import { deliveryHeaders, downloadDisposition } from '@/lib/media/delivery-headers';
import { findDeliverable } from '@/lib/media/find-deliverable';
import { kuraUrl, versionOf } from '@/lib/media/urls';
import { storageNamed } from '@/lib/storage-settings/configured-storages';
import type { Media } from '@/db/schema';
import { ignoredHeader } from '@/lib/image-api/ignored-header';
import { parseImageParams } from '@/lib/image-api/parse-params';
import { signUrl, verifySignature } from '@/lib/image-api/signature';
import type { TransformPlan } from '@/lib/image-api/plan';
import { getVariant } from '@/lib/image-api/variant-cache';

// A Pages API route on purpose: App Router handlers drop the Content-Length we set (docs/architecture.md).
// Next reads this statically: it must be a literal here.
export const config = { api: { bodyParser: false, responseLimit: false, externalResolver: true } };

const IMMUTABLE = 'public, max-age=31536000, immutable';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

// GET/HEAD /assets/{serviceId}/{mediaId}/{fileName} — public delivery: the original bytes, or an Image API variant.
async function deliver(req: NextApiRequest, res: NextApiResponse) {
  const m = findDeliverable(one(req.query.service), one(req.query.id), one(req.query.name));
  if (!m) return sendJson(res, 404, { message: 'Not found' });

  const search = new URL(req.url ?? '/', 'http://kura').searchParams;
  const v = search.get('v');
  if (v !== null && v !== versionOf(m)) {
    // An old version: send the client to the bytes it should cache now.
    search.delete('v');
    // A signed URL stays signed for the new version, only when its own signature holds.
    const token = kuraConfig().KURA_IMAGE_SIGNING_TOKEN;
    const signed = token !== undefined && search.has('s');
    if (signed) verifySignature(signedPart(req.url ?? '/'), token);
    search.delete('s');
    const rest = search.toString();
    const location = `${kuraUrl(m)}?v=${versionOf(m)}` + (rest ? `&${rest}` : '');
    res.setHeader('Cache-Control', 'no-store');
    // Kura's own URL even for direct-bucket media: this request asked Kura (perhaps for the Image API).
    res.setHeader('Location', signed ? signUrl(location, token) : location);
    return res.status(307).end();
  }

  const cacheControl = v === null ? kuraConfig().KURA_CACHE_CONTROL : IMMUTABLE;
  if (isTransformable(m)) {
    // Image API: a malformed parameter throws a 400 naming it; unknown ones are listed, not fatal.
    const token = kuraConfig().KURA_IMAGE_SIGNING_TOKEN;
    if (token) search.delete('s');
    const plan = parseImageParams(search, { accept: req.headers.accept });
    if (plan.transforms && token) verifySignature(signedPart(req.url ?? '/'), token);
    const ignored = ignoredHeader(plan.ignored);
    if (ignored) res.setHeader('Kura-Ignored-Params', ignored);
    if (plan.varyAccept) res.setHeader('Vary', 'Accept');
    if (plan.transforms) return serveVariant(req, res, m, plan, cacheControl);
  }

  const headers = deliveryHeaders(m, { cacheControl, download: search.has('dl') ? search.get('dl')! : undefined });

  if (matches(req.headers['if-none-match'], headers.ETag)) {
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

/** The path and query the client signed: the public `/assets/…` path, whether or not Next rewrote it. */
const signedPart = (url: string) => (url.startsWith('/api/assets/') ? url.slice(4) : url);

/** Raster images take Image API parameters; SVG and every other file are always served as stored. */
const isTransformable = (m: Media) => m.kind === 'image' && m.mimeType !== 'image/svg+xml';

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  !!ifNoneMatch?.split(/\s*,\s*/).some((tag) => tag === etag || tag === '*' || tag === `W/${etag}`);

async function serveVariant(req: NextApiRequest, res: NextApiResponse, m: Media, plan: TransformPlan, cacheControl: string) {
  const variant = await getVariant(m, plan);
  res.setHeader('ETag', variant.etag);
  res.setHeader('Last-Modified', m.updatedAt.toUTCString());
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Kura-Cache', variant.cache);
  if (matches(req.headers['if-none-match'], variant.etag)) return res.status(304).end();
  res.setHeader('Content-Type', variant.contentType);
  res.setHeader('Content-Length', String(variant.data.length));
  if (plan.download) res.setHeader('Content-Disposition', downloadDisposition(plan.download.fileName, m.fileName));
  res.status(200);
  return req.method === 'HEAD' ? res.end() : res.end(variant.data);
}

export default pagesRoute({ GET: deliver, HEAD: deliver });
