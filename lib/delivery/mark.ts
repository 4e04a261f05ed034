// Design notes: docs/image-api.md (watermarks).
import 'server-only';
import type { Media } from '@/db/schema';
import { badRequest } from '@/lib/errors';
import { parseImageParams, withMarkSource } from '@/lib/image-api/parse-params';
import type { TransformPlan } from '@/lib/image-api/plan';
import { findDeliverable } from '@/lib/media/find-deliverable';
import { parseDeliveryUrl } from '@/lib/media/urls';
import { serviceId } from '@/lib/service/service-id';

/** Raster images take Image API parameters; SVG and every other file are always served as stored. */
export const isTransformable = (m: Media) => m.kind === 'image' && m.mimeType !== 'image/svg+xml';

/** A watermark found among this service's media, with the plan of its own parameters (null: none). */
export interface ResolvedMark {
  readonly media: Media;
  readonly plan: TransformPlan | null;
}

export const FOREIGN_MARK =
  '"mark" must be the delivery URL of an image of this service (Kura never fetches other URLs)';

/**
 * The watermark of a plan, looked up as references are (any origin Kura recognises, or a direct-bucket URL);
 * never fetched. Its content hash goes into the plan's `cacheKey`. A URL that is not one of this service's
 * images (another site, a renamed or deleted media, an SVG) is a 400; so is a watermark with its own `mark`.
 */
export async function resolveMark(plan: TransformPlan): Promise<{ plan: TransformPlan; mark: ResolvedMark | null }> {
  if (plan.mark === null) return { plan, mark: null };
  const parts = await parseDeliveryUrl(plan.mark.url);
  const m = parts === null ? null : await findDeliverable(serviceId(), parts.mediaId, parts.fileName);
  if (m === null || !isTransformable(m)) throw badRequest(FOREIGN_MARK);
  const own = parseImageParams(new URL(plan.mark.url, 'http://kura').searchParams);
  if (own.transforms && own.mark !== null) throw badRequest('"mark" cannot name an image that has a "mark" of its own');
  return { plan: withMarkSource(plan, m.sha256), mark: { media: m, plan: own.transforms ? own : null } };
}
