// Design notes: docs/usage.md.
import 'server-only';
import { config } from '@/lib/config';
import { processSingletonGetter } from '@/lib/process-singleton';

/** What a delivery served: the stored bytes (whole, a range, a 304) or an Image API output. */
export type Output = 'original' | 'variant';

type Tally = { bytes: number; requests: number };

/** Counts since the last flush, in memory: per UTC day and output, and per UTC month and media. */
export type Pending = { daily: Map<string, Tally>; perMedia: Map<string, Tally> };

export const emptyPending = (): Pending => ({ daily: new Map(), perMedia: new Map() });

/** This process's counts not yet written (lib/usage/flush-usage.ts swaps them out). */
export const pendingUsage = processSingletonGetter('usagePending', () => ({ current: emptyPending() }));

const add = (map: Map<string, Tally>, key: string, bytes: number, requests: number) => {
  const tally = map.get(key);
  if (tally) {
    tally.bytes += bytes;
    tally.requests += requests;
  } else map.set(key, { bytes, requests });
};

/**
 * Counts answers of delivery: `requests` of them (one unless the delivery listener reports a batch), `bytes` of body
 * sent in all for media `mediaId`. Two map updates in memory, no I/O: delivery never waits for counting. Off with
 * `KURA_COUNT_USAGE=0` (a bench knob).
 */
export function countDelivery(mediaId: string, output: Output, bytes: number, requests = 1): void {
  if (!config().KURA_COUNT_USAGE) return;
  const stamp = today();
  const { current } = pendingUsage();
  add(current.daily, stamp.daily[output], bytes, requests);
  add(current.perMedia, `${stamp.month}|${mediaId}`, bytes, requests);
}

type Stamp = { until: number; month: string; daily: Record<Output, string> };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The keys of the UTC day holding `ms`, and when that day ends. */
function stampOf(ms: number): Stamp {
  const day = new Date(ms).toISOString().slice(0, 10);
  return {
    until: (Math.floor(ms / DAY_MS) + 1) * DAY_MS,
    month: day.slice(0, 7),
    daily: { original: `${day}|original`, variant: `${day}|variant` },
  };
}

// The day's keys, made once a day rather than for every answer: a cached hit is a few microseconds, and a
// `new Date()` under Next (which wraps the constructor) plus three strings was a noticeable part of it. The clock
// is read through `performance`, which Next leaves alone.
let current: Stamp | null = null;
function today(): Stamp {
  const now = performance.timeOrigin + performance.now();
  if (current === null || now >= current.until) current = stampOf(now);
  return current;
}

/** Merges counts back (a flush that failed), so they are written by the next one. */
export function restorePending(counts: Pending): void {
  const { current } = pendingUsage();
  for (const [key, t] of counts.daily) add(current.daily, key, t.bytes, t.requests);
  for (const [key, t] of counts.perMedia) add(current.perMedia, key, t.bytes, t.requests);
}
