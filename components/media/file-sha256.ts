/** Files up to this size are hashed in the browser before they are sent; larger ones are not read twice. */
export const HASH_BEFORE_UPLOAD_BYTES = 256 * 1024 * 1024;

/**
 * The SHA-256 of a file as 64 lowercase hex characters, or null when this browser cannot hash here (Web Crypto needs
 * a secure context: HTTPS or localhost) or the file is too large to read whole.
 */
export async function fileSha256(file: File): Promise<string | null> {
  if (file.size > HASH_BEFORE_UPLOAD_BYTES || typeof crypto === 'undefined' || !crypto.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
