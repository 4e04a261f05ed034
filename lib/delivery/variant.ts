import 'server-only';
import type { Media } from '@/db/schema';
import type { TransformPlan } from '@/lib/image-api/plan';
import { getVariant } from '@/lib/image-api/variant-cache';
import { downloadDisposition } from '@/lib/media/delivery-headers';
import { extensionOf } from '@/lib/media/file-name';
import { matchesETag, type Answer } from './answer';
import type { DeliveryRequest } from './deliver';
import type { ResolvedMark } from './mark';

/** An Image API variant (rendered or cached): 304 when the client holds it, else 200; HEAD sends no bytes. */
export async function deliverVariant(
  m: Media,
  plan: TransformPlan,
  request: DeliveryRequest,
  opts: { cacheControl: string; early: Record<string, string>; mark?: ResolvedMark | null },
): Promise<Answer> {
  const variant = await getVariant(m, plan, { mark: opts.mark ?? null });
  const headers: Record<string, string> = {
    ...opts.early,
    ETag: variant.etag,
    'Last-Modified': m.updatedAt.toUTCString(),
    'Cache-Control': opts.cacheControl,
    'X-Content-Type-Options': 'nosniff',
    'Kura-Cache': variant.cache,
  };
  if (matchesETag(request.headers['if-none-match'], variant.etag)) return { status: 304, headers };
  headers['Content-Type'] = variant.contentType;
  headers['Content-Length'] = String(variant.data.length);
  if (plan.download) headers['Content-Disposition'] = downloadDisposition(plan.download.fileName, savedAs(m, variant));
  return { status: 200, headers, body: request.method === 'HEAD' ? undefined : variant.data };
}

/** Extensions of the variants' types, for the name a bare `dl` saves a variant under. */
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/gif': 'gif',
  'application/json': 'json',
  'text/plain; charset=utf-8': 'txt',
};

/** The file's name with the extension of the variant's format (`photo.jpg?fm=png&dl` saves `photo.png`). */
function savedAs(m: Media, variant: { contentType: string }): string {
  const extension = EXTENSIONS[variant.contentType];
  if (extension === undefined) return m.fileName;
  const current = extensionOf(m.fileName);
  // A name already ending in the format's extension (or jpeg for jpg) is kept as it was written.
  if (current === extension || (extension === 'jpg' && current === 'jpeg')) return m.fileName;
  const stem = current ? m.fileName.slice(0, m.fileName.lastIndexOf('.')) : m.fileName;
  return `${stem}.${extension}`;
}
