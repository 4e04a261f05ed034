import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { authSecret } from '@/lib/auth/secret';

/**
 * Secrets Kura must use again later (webhook signing secrets, storage credentials) are kept sealed:
 * AES-256-GCM under a key derived from AUTH_SECRET with HKDF, so the database alone does not reveal
 * them. Format: `v1.<iv>.<tag>.<ciphertext>`, each base64url.
 */
const VERSION = 'v1';

function key(purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', authSecret(), 'kura', `kura sealed secret: ${purpose}`, 32));
}

export function seal(purpose: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(purpose), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The sealed value, or an Error saying AUTH_SECRET changed (the only way a seal we wrote stops opening). */
export function unseal(purpose: string, sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('Not a sealed secret');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error(
      'A sealed secret cannot be opened: AUTH_SECRET has changed since it was stored. Enter the secret again.',
    );
  }
}
