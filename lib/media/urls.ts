import 'server-only';
import type { Media } from '@/db/schema';
import { config } from '@/lib/config';
import { serviceId } from '@/lib/service/service-id';
import { matchDeliveryUrl, type DeliveryUrlParts } from './delivery-url';

/** The public delivery URL of a media item. */
export function deliveryUrl(m: Pick<Media, 'id' | 'fileName'>): string {
  return `${config().publicUrl}/assets/${serviceId()}/${m.id}/${encodeURIComponent(m.fileName)}`;
}

/** The version tag of the bytes behind a media item: the first 12 hex characters of their SHA-256. */
export const versionOf = (m: Pick<Media, 'sha256'>) => m.sha256.slice(0, 12);

/** The delivery URL pinned to the current bytes: safe to cache forever. */
export function versionedUrl(m: Pick<Media, 'id' | 'fileName' | 'sha256'>): string {
  return `${deliveryUrl(m)}?v=${versionOf(m)}`;
}

/**
 * The media a URL points at, when it is this service's delivery URL (absolute on the public origin, or
 * root-relative), with or without query parameters; null for anything else.
 */
export function parseDeliveryUrl(url: string): DeliveryUrlParts | null {
  return matchDeliveryUrl(url, config().publicUrl, serviceId());
}
