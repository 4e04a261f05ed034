// Design notes: docs/usage.md.
import 'server-only';
import { config } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';

/** What a delivery served: the stored bytes (whole, a range, a 304) or an Image API output. */
export type Output = 'original' | 'variant';

type Tally = { bytes: number; requests: number };

/** Counts since the last flush, in memory: per UTC day and output, and per UTC month and media. */
export type Pending = { daily: Map<string, Tally>; perMedia: Map<string, Tally> };

export const emptyPending = (): Pending => ({ daily: new Map(), perMedia: new Map() });

/** This process's counts not yet written (lib/usage/flush-usage.ts swaps them out). */
export const pendingUsage = () => processSingleton('usagePending', () => ({ current: emptyPending() }));

const add = (map: Map<string, Tally>, key: string, bytes: number, requests: number) => {
  const tally = map.get(key);
  if (tally) {
    tally.bytes += bytes;
    tally.requests += requests;
  } else map.set(key, { bytes, requests });
};

/**
 * Counts one answer of delivery: `bytes` of body sent for media `mediaId`. Two map updates in memory, no I/O:
 * delivery never waits for counting. Off with `KURA_COUNT_USAGE=0` (a bench knob).
 */
export function countDelivery(mediaId: string, output: Output, bytes: number, at = new Date()): void {
  if (!config().KURA_COUNT_USAGE) return;
  const day = at.toISOString().slice(0, 10);
  const { current } = pendingUsage();
  add(current.daily, `${day}|${output}`, bytes, 1);
  add(current.perMedia, `${day.slice(0, 7)}|${mediaId}`, bytes, 1);
}

/** Merges counts back (a flush that failed), so they are written by the next one. */
export function restorePending(counts: Pending): void {
  const { current } = pendingUsage();
  for (const [key, t] of counts.daily) add(current.daily, key, t.bytes, t.requests);
  for (const [key, t] of counts.perMedia) add(current.perMedia, key, t.bytes, t.requests);
}
