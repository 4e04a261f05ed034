import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '@/db';
import { media, type Media } from '@/db/schema';
import { config } from '@/lib/config';
import { serviceId } from '@/lib/service/service-id';
import { configuredStorage, directUrlStorages } from '@/lib/storage-settings/configured-storages';
import { editTagOf, type EditColumns } from './image-edit';
import { matchDeliveryUrl, type DeliveryUrlParts, type MatchUrl } from './delivery-url';

type Located = Pick<Media, 'id' | 'fileName' | 'kind'> & Partial<Pick<Media, 'storage' | 'storageKey'>>;

/**
 * Kura's own URL of a media item: stable for its life, and the one the Image API works on. On the delivery
 * origin when `KURA_DELIVERY_URL` is set, a file that is not an image on `KURA_FILES_URL` when that is (the same
 * path answers on every origin Kura serves, the public one too).
 */
export function kuraUrl(m: Pick<Media, 'id' | 'fileName' | 'kind'>): string {
  const origin = m.kind === 'image' ? config().deliveryUrl : config().filesUrl;
  return `${origin}/assets/${serviceId()}/${m.id}/${encodeURIComponent(m.fileName)}`;
}

/**
 * The public delivery URL of a media item: Kura's URL, or for media in a bucket with a public base URL
 * (direct-bucket mode, as microCMS) `{publicBaseUrl}/{key}`.
 */
export function deliveryUrl(m: Located): string {
  const direct = m.storage && m.storageKey ? configuredStorage(m.storage)?.directUrl?.(m.storageKey) : null;
  return direct ?? kuraUrl(m);
}

/**
 * The version tag of what a media item shows: the first 12 hex characters of its bytes' SHA-256, and for an
 * image with a stored edit (crop, focal point, turn, flip) a tag of the edit after a dash.
 */
export const versionOf = (m: Pick<Media, 'sha256'> & EditColumns) => {
  const edit = editTagOf(m);
  return edit === null ? m.sha256.slice(0, 12) : `${m.sha256.slice(0, 12)}-${edit}`;
};

/** The delivery URL pinned to the current bytes and edit: safe to cache forever. */
export function versionedUrl(m: Located & Pick<Media, 'sha256'> & EditColumns): string {
  return `${deliveryUrl(m)}?v=${versionOf(m)}`;
}

/**
 * The media a URL points at, when it is this service's delivery URL (absolute on the public origin, or
 * root-relative), with or without query parameters, or the direct-bucket URL of a live object; null
 * for anything else.
 */
export async function parseDeliveryUrl(url: string): Promise<DeliveryUrlParts | null> {
  return (await deliveryUrlMatcher([url]))(url);
}

/**
 * `parseDeliveryUrl` for many URLs at once (those of a rich-editor value): Kura's own URLs are read from
 * the URL itself; direct-bucket URLs name the object of exactly one version, so they are looked up
 * together, and count while that version is live.
 */
export async function deliveryUrlMatcher(urls: string[]): Promise<MatchUrl> {
  const direct = new Map<string, DeliveryUrlParts>();
  const absolute = urls.filter((u) => /^https?:\/\//.test(u));
  for (const storage of absolute.length > 0 ? directUrlStorages() : []) {
    const byKey = new Map(
      absolute.flatMap((u) => {
        const key = storage.keyOfDirectUrl?.(u) ?? null;
        return key === null ? [] : [[key, u] as const];
      }),
    );
    if (byKey.size === 0) continue;
    const rows = await db()
      .select({ id: media.id, fileName: media.fileName, key: media.storageKey })
      .from(media)
      .where(and(eq(media.storage, storage.name), inArray(media.storageKey, [...byKey.keys()])));
    for (const row of rows) direct.set(byKey.get(row.key)!, { mediaId: row.id, fileName: row.fileName });
  }
  return (url) => matchDeliveryUrl(url, config().publicUrl, serviceId()) ?? direct.get(url) ?? null;
}

/** Whether a URL is one of Kura's own delivery URLs (not a direct-bucket one). */
export const isKuraUrl = (url: string) => matchDeliveryUrl(url, config().publicUrl, serviceId()) !== null;
