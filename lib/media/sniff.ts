import { fileTypeFromBuffer } from 'file-type';
import type { MediaKind } from '@/db/schema';

export type SniffedType = { mimeType: string; extension: string; kind: MediaKind };

const IMAGE_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/heic',
  'image/heic-sequence',
  'image/heif',
  'image/heif-sequence',
  'image/tiff',
  'image/bmp',
  'image/svg+xml',
]);

const XML_PROLOG = /^(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*/i;

/** Text formats file-type does not detect: SVG, HTML and XML matter, because browsers execute them. */
function sniffText(head: Buffer): SniffedType | null {
  if (head.includes(0)) return null;
  const text = head.toString('utf8', 0, Math.min(head.length, 64 * 1024));
  const body = text.replace(XML_PROLOG, '');
  if (/^<svg[\s>]/i.test(body)) return { mimeType: 'image/svg+xml', extension: 'svg', kind: 'image' };
  if (/^<!doctype html|^<(?:html|head|body|script|iframe|meta|div|p|a|img)[\s>/]/i.test(text.trimStart()))
    return { mimeType: 'text/html', extension: 'html', kind: 'file' };
  if (/^\s*<\?xml/i.test(text)) return { mimeType: 'application/xml', extension: 'xml', kind: 'file' };
  return { mimeType: 'text/plain', extension: '', kind: 'file' };
}

/**
 * The type of a file from its first bytes (magic numbers), never from what the client declared.
 * `extension` is '' when the bytes do not say; the caller then keeps the file name's own.
 */
export async function sniffType(head: Buffer): Promise<SniffedType> {
  const detected = await fileTypeFromBuffer(head);
  // file-type stops at "XML" for anything with a prolog; SVG is XML too, and an image.
  if (detected && detected.mime !== 'application/xml') {
    const kind: MediaKind = IMAGE_TYPES.has(detected.mime) ? 'image' : 'file';
    return { mimeType: detected.mime, extension: detected.ext, kind };
  }
  return sniffText(head) ?? { mimeType: 'application/octet-stream', extension: '', kind: 'file' };
}
