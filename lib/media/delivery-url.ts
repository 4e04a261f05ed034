/** A media id and file name read from one of this service's delivery URLs. */
export type DeliveryUrlParts = { mediaId: string; fileName: string };

/** The media a URL points at when it is a delivery URL of `service` on `publicUrl`; pure (see `parseDeliveryUrl`). */
export function matchDeliveryUrl(url: string, publicUrl: string, service: string): DeliveryUrlParts | null {
  let parsed: URL;
  try {
    parsed = new URL(url, publicUrl);
  } catch {
    return null;
  }
  const base = new URL(publicUrl);
  if (parsed.origin !== base.origin) return null;
  const basePath = base.pathname.replace(/\/+$/, '');
  const match = parsed.pathname.match(/^(.*)\/assets\/([^/]+)\/([0-9a-f]{32})\/([^/]+)$/);
  if (!match || match[1] !== basePath || match[2] !== service) return null;
  try {
    return { mediaId: match[3], fileName: decodeURIComponent(match[4]) };
  } catch {
    return null;
  }
}
