// Design notes: docs/architecture.md, "The delivery origin".
import 'server-only';
import type { Output } from '@/lib/usage/count-delivery';
import type { Answer } from './answer';

/** Originals up to this size are read into memory whole on their first plain GET, to be answered from there. */
export const SMALL_ORIGINAL_BYTES = 256 * 1024;
/** How many bytes of answers the delivery listener keeps in memory. */
export const HOT_BYTES = 32 * 1024 * 1024;

/**
 * Whether a 200 that `deliver` gave a plain GET (no Range, no If-None-Match) may be answered again from memory,
 * until media changes, and what it counts as: a variant served from the cache (Kura-Cache: hit) or an original.
 * A fresh render is not (it is kept from its next request on, once the cache holds it); nor is anything else.
 */
export function hotOutput(answer: Answer): Output | null {
  if (answer.status !== 200 || !Buffer.isBuffer(answer.body)) return null;
  const cacheState = answer.headers['Kura-Cache'];
  if (cacheState === undefined) return 'original';
  return cacheState === 'hit' ? 'variant' : null;
}
