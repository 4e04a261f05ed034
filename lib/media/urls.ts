import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { media, type Media } from '@/db/schema';
import { config } from '@/lib/config';
import { serviceId } from '@/lib/service/service-id';
import { configuredStorage, directUrlStorages } from '@/lib/storage-settings/configured-storages';
import { matchDeliveryUrl, type DeliveryUrlParts } from './delivery-url';

type Located = Pick<Media, 'id' | 'fileName'> & Partial<Pick<Media, 'storage' | 'storageKey'>>;

/** Kura's own URL of a media item: stable for its life, and the one the Image API works on. */
export function kuraUrl(m: Pick<Media, 'id' | 'fileName'>): string {
  return `${config().publicUrl}/assets/${serviceId()}/${m.id}/${encodeURIComponent(m.fileName)}`;
}

/**
 * The public delivery URL of a media item: Kura's URL, or for media in a bucket with a public base URL
 * (direct-bucket mode, as microCMS) `{publicBaseUrl}/{key}`.
 */
export function deliveryUrl(m: Located): string {
  const direct = m.storage && m.storageKey ? configuredStorage(m.storage)?.directUrl?.(m.storageKey) : null;
  return direct ?? kuraUrl(m);
}

/** The version tag of the bytes behind a media item: the first 12 hex characters of their SHA-256. */
export const versionOf = (m: Pick<Media, 'sha256'>) => m.sha256.slice(0, 12);

/** The delivery URL pinned to the current bytes: safe to cache forever. */
export function versionedUrl(m: Located & Pick<Media, 'sha256'>): string {
  return `${deliveryUrl(m)}?v=${versionOf(m)}`;
}

/**
 * The media a URL points at, when it is this service's delivery URL (absolute on the public origin, or
 * root-relative), with or without query parameters, or the direct-bucket URL of a live object; null
 * for anything else.
 */
export function parseDeliveryUrl(url: string): DeliveryUrlParts | null {
  return matchDeliveryUrl(url, config().publicUrl, serviceId()) ?? matchDirectUrl(url);
}

/** Whether a URL is one of Kura's own delivery URLs (not a direct-bucket one). */
export const isKuraUrl = (url: string) => matchDeliveryUrl(url, config().publicUrl, serviceId()) !== null;

/** A direct-bucket URL names the object of exactly one version: it counts while that version is live. */
function matchDirectUrl(url: string): DeliveryUrlParts | null {
  if (!/^https?:\/\//.test(url)) return null;
  for (const storage of directUrlStorages()) {
    const key = storage.keyOfDirectUrl?.(url) ?? null;
    if (key === null) continue;
    const row = db()
      .select({ id: media.id, fileName: media.fileName })
      .from(media)
      .where(and(eq(media.storage, storage.name), eq(media.storageKey, key)))
      .get();
    if (row) return { mediaId: row.id, fileName: row.fileName };
  }
  return null;
}
