import contentDisposition from 'content-disposition';
import type { Media } from '@/db/schema';
import { cleanFileName } from './file-name';

/** Types a browser shows without running anything: served inline, without a sandbox. */
export function isPassive(mimeType: string): boolean {
  return (
    (mimeType.startsWith('image/') && mimeType !== 'image/svg+xml') ||
    /^(video|audio)\//.test(mimeType) ||
    mimeType === 'application/pdf'
  );
}

/**
 * The headers every delivery carries, except the length and range ones. Anything a browser could
 * execute (SVG, HTML, XML, JS, unknown) gets `CSP: sandbox`, and all of those but SVG download
 * as an attachment; `download` (from `?dl`) forces a download under that name.
 */
export function deliveryHeaders(
  m: Pick<Media, 'mimeType' | 'sha256' | 'updatedAt' | 'fileName'>,
  opts: { cacheControl: string; download?: string },
): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': m.mimeType,
    ETag: `"${m.sha256.slice(0, 32)}"`,
    'Last-Modified': m.updatedAt.toUTCString(),
    'Cache-Control': opts.cacheControl,
    'X-Content-Type-Options': 'nosniff',
    'Accept-Ranges': 'bytes',
  };
  if (!isPassive(m.mimeType)) {
    headers['Content-Security-Policy'] = 'sandbox';
    if (m.mimeType !== 'image/svg+xml') headers['Content-Disposition'] = contentDisposition(m.fileName);
  }
  if (opts.download !== undefined) headers['Content-Disposition'] = downloadDisposition(opts.download, m.fileName);
  return headers;
}

/** `?dl` / `?dl=name`: an attachment under the requested name, cleaned like an uploaded one, or the file's own. */
export const downloadDisposition = (requested: string | null, fileName: string) =>
  contentDisposition(requested ? cleanFileName(requested) : fileName);
