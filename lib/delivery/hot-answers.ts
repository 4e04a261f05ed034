// Design notes: docs/architecture.md, "The delivery origin".
import 'server-only';
import { LRUCache } from 'lru-cache';
import { deliverablesGeneration } from '@/lib/media/find-deliverable';
import { processSingletonGetter } from '@/lib/process-singleton';
import { countDelivery, type Output } from '@/lib/usage/count-delivery';
import type { Answer } from './answer';

/** A whole 200 kept in memory: its status line's headers flattened once (name, value, …) and its bytes. */
export type HotAnswer = {
  readonly headers: readonly string[];
  readonly body: Buffer;
  readonly mediaId: string;
  readonly output: Output;
  readonly generation: number;
};

/** Originals up to this size are read into memory whole on their first plain GET, to be answered from there. */
export const SMALL_ORIGINAL_BYTES = 256 * 1024;
const HOT_BYTES = 32 * 1024 * 1024;

const answers = processSingletonGetter(
  'hotAnswers',
  () =>
    new LRUCache<string, HotAnswer>({
      maxSize: HOT_BYTES,
      maxEntrySize: HOT_BYTES / 32,
      sizeCalculation: (a) => Math.max(1, a.body.length),
    }),
);

/**
 * What a plain GET of `url` (path and query as sent) with this `Accept` was answered last time, when nothing about
 * media changed since (on any instance), counted as delivered. Null: ask {@link deliver} (a Range or a conditional
 * request always should, as should HEAD).
 */
export function hotAnswer(url: string, accept: string | undefined): HotAnswer | null {
  const key = keyOf(url, accept);
  const hit = answers().get(key);
  if (!hit) return null;
  if (hit.generation !== deliverablesGeneration()) {
    answers().delete(key);
    return null;
  }
  countDelivery(hit.mediaId, hit.output, hit.body.length);
  return hit;
}

/**
 * Keeps a 200 that `deliver` gave a plain GET, when its body is in memory, for {@link hotAnswer}: a variant served
 * from the cache (Kura-Cache: hit), or a small original whose bytes the caller read. `generation` is
 * {@link deliverablesGeneration} from before `deliver` was asked, so an answer built from a row read before a
 * change is never kept after it. `extra` are headers every answer of the caller carries.
 */
export function keepHot(
  url: string,
  accept: string | undefined,
  mediaId: string,
  answer: Answer & { body: Buffer },
  generation: number | null,
  extra: readonly string[],
): void {
  if (generation === null || answer.status !== 200) return;
  const cacheState = answer.headers['Kura-Cache'];
  if (cacheState !== undefined && cacheState !== 'hit') return; // a fresh render: kept from its next request on
  const headers: string[] = [];
  for (const name in answer.headers) headers.push(name, answer.headers[name]);
  headers.push(...extra);
  const output: Output = cacheState === undefined ? 'original' : 'variant';
  answers().set(keyOf(url, accept), { headers, body: answer.body, mediaId, output, generation });
}

const keyOf = (url: string, accept: string | undefined) => `${url}\n${accept ?? ''}`;
