/** A media id and file name read from one of this service's delivery URLs. */
export type DeliveryUrlParts = { mediaId: string; fileName: string };

/** Reads the media a URL points at, or null (see `deliveryUrlMatcher` in ./urls). */
export type MatchUrl = (url: string) => DeliveryUrlParts | null;

/**
 * The media a URL points at when it is a delivery URL of `service`; pure (see `parseDeliveryUrl`).
 * Recognised by its path on any http(s) origin: the service id is random, so no other site's URL has it,
 * and URLs written before `KURA_PUBLIC_URL` changed (or through a CDN in front of Kura) still count.
 */
export function matchDeliveryUrl(url: string, publicUrl: string, service: string): DeliveryUrlParts | null {
  let parsed: URL;
  try {
    parsed = new URL(url, publicUrl);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const match = parsed.pathname.match(/\/assets\/([^/]+)\/([0-9a-f]{32})\/([^/]+)$/);
  if (!match || match[1] !== service) return null;
  try {
    return { mediaId: match[2], fileName: decodeURIComponent(match[3]) };
  } catch {
    return null;
  }
}
