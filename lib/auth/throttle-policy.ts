/**
 * Login throttling rules, as pure functions over one counter. An attempt is counted before its password
 * is verified (and forgiven when it turns out right), so attempts made in parallel cannot slip past.
 */

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const FIRST_BLOCK_MS = 15 * 60 * 1000;
/** After a quiet day a key's blocks start again from the first (15 minutes). */
const BLOCKS_FORGOTTEN_MS = 24 * 60 * 60 * 1000;

/** Failed attempts allowed within the window, per email and client, per email, per client. */
export const THROTTLE_LIMITS = { pair: 10, email: 50, client: 100 } as const;
export type ThrottleKind = keyof typeof THROTTLE_LIMITS;

export type Counter = { failures: number; windowStart: number; blockedUntil: number | null; blocks: number };

export type Step =
  | { refused: false; counter: Counter }
  /** `started`: this attempt began the block (else it was already blocked and nothing changes). */
  | { refused: true; until: number; started: boolean; counter: Counter };

/**
 * What one more attempt does to a counter: refused while blocked; past the limit it starts a block that
 * lasts twice as long as the last one; else it counts.
 */
export function stepCounter(current: Counter | undefined, limit: number, now: number): Step {
  if (current?.blockedUntil && current.blockedUntil > now)
    return { refused: true, until: current.blockedUntil, started: false, counter: current };
  const c: Counter = current ? { ...current } : { failures: 0, windowStart: now, blockedUntil: null, blocks: 0 };
  if (now - c.windowStart >= THROTTLE_WINDOW_MS) Object.assign(c, { failures: 0, windowStart: now });
  if (c.blockedUntil !== null && now - c.blockedUntil > BLOCKS_FORGOTTEN_MS) c.blocks = 0;
  if (c.failures >= limit) {
    const until = now + FIRST_BLOCK_MS * 2 ** Math.min(c.blocks, 10);
    return {
      refused: true,
      until,
      started: true,
      counter: { failures: 0, windowStart: now, blockedUntil: until, blocks: c.blocks + 1 },
    };
  }
  return { refused: false, counter: { ...c, failures: c.failures + 1 } };
}

/** The counters one attempt touches. Emails are already lowercased. */
export const throttleKeys = (email: string, client: string): Record<ThrottleKind, string> => ({
  pair: `pair:${email} ${client}`,
  email: `email:${email}`,
  client: `client:${client}`,
});

/**
 * What the login page says while refused.
 * @example retryMessage(15 * 60_000) // "Too many failed attempts: try again in 15 minutes"
 */
export function retryMessage(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  const when = minutes >= 120 ? `${Math.round(minutes / 60)} hours` : minutes === 1 ? '1 minute' : `${minutes} minutes`;
  return `Too many failed attempts: try again in ${when}`;
}
