import { createHash, timingSafeEqual } from 'node:crypto';
import { forbidden } from '@/lib/errors';

// imgix secure URLs: s = MD5 hex of token + path + ("?" + query without s, when there is one), the
// path and query exactly as sent (still percent-encoded). @imgix/js-core appends s last; any place is accepted.
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

function split(pathAndQuery: string): { path: string; rest: string; signatures: string[] } {
  const q = pathAndQuery.indexOf('?');
  const path = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
  const parts = q < 0 ? [] : pathAndQuery.slice(q + 1).split('&');
  const signatures = parts.filter((p) => p.startsWith('s=')).map((p) => p.slice(2));
  return { path, rest: parts.filter((p) => !p.startsWith('s=')).join('&'), signatures };
}

const base = (token: string, path: string, rest: string) => token + path + (rest ? `?${rest}` : '');

/**
 * Throws 403 unless the request's path and query carry imgix's `s` for this token.
 * @example verifySignature('/assets/s/id/a.png?w=100&s=<md5>', token) // passes
 */
export function verifySignature(pathAndQuery: string, token: string): void {
  const { path, rest, signatures } = split(pathAndQuery);
  if (signatures.length === 0) throw forbidden('Image API transforms need a signed URL (the "s" parameter)');
  const expected = Buffer.from(md5(base(token, path, rest)));
  const given = Buffer.from(signatures.length === 1 ? signatures[0].toLowerCase() : '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw forbidden('The Image API signature ("s") does not match this URL');
  }
}

/**
 * An absolute URL with imgix's `s` appended, as @imgix/js-core's `secureURLToken` signs it.
 * @example signUrl('https://kura.example/assets/s/id/a.png?v=1&w=300', token) // '…&w=300&s=<md5>'
 */
export function signUrl(url: string, token: string): string {
  const at = url.indexOf('/', url.indexOf('//') + 2);
  const { path, rest } = split(url.slice(at));
  return `${url}${rest ? '&' : '?'}s=${md5(base(token, path, rest))}`;
}
