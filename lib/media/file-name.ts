const MAX_BYTES = 200;
// Path separators, C0/C1 controls, bidi embeddings/overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
const FORBIDDEN = /[/\\\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

// TextEncoder, not Buffer: the rename dialog shows the cleaned name in the browser as it is typed.
const encoder = new TextEncoder();
const utf8Length = (s: string) => encoder.encode(s).length;

/** Cuts `s` to at most `bytes` of UTF-8 without splitting a code point. */
function cutToBytes(s: string, bytes: number): string {
  let out = '';
  for (const ch of s) {
    if (utf8Length(out) + utf8Length(ch) > bytes) break;
    out += ch;
  }
  return out;
}

/**
 * The stored form of an uploaded file name: NFC, without separators, controls, bidi controls and
 * leading dots, at most 200 bytes of UTF-8 (cut before the extension); empty becomes "file".
 * @example cleanFileName('../../etc/passwd') === 'etcpasswd'
 */
export function cleanFileName(raw: string): string {
  // Remove first, then normalise: a removed character must not keep a neighbour from composing.
  let name = raw.replace(FORBIDDEN, '').normalize('NFC').replace(/^\.+/, '');
  if (utf8Length(name) > MAX_BYTES) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 ? name.slice(dot) : '';
    name =
      utf8Length(ext) < MAX_BYTES / 2
        ? cutToBytes(name.slice(0, dot), MAX_BYTES - utf8Length(ext)) + ext
        : cutToBytes(name, MAX_BYTES);
  }
  return name || 'file';
}

/** Lowercase extension of a file name without the dot, or ''. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0
    ? name
        .slice(dot + 1)
        .toLowerCase()
        .slice(0, 16)
    : '';
}

/**
 * The name a rename in the panel saves: what was typed, cleaned as the server cleans it, and with the current
 * extension kept when the new name has none (a dropped extension is rarely meant; a changed one is asked about).
 * @example renamedFileName('cover', 'IMG_1.JPG') === 'cover.JPG'
 */
export function renamedFileName(typed: string, current: string): string {
  const cleaned = cleanFileName(typed.trim());
  const kept = extensionOf(current);
  if (!kept || extensionOf(cleaned)) return cleaned;
  return cleanFileName(`${cleaned.replace(/\.+$/, '')}${current.slice(current.lastIndexOf('.'))}`);
}
