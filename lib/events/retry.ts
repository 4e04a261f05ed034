/** Retries go on for at least this long after the change (SPEC: at least 24 hours). */
export const RETRY_FOR_MS = 24 * 60 * 60 * 1000;
const FIRST_RETRY_MS = 5_000;
const LONGEST_WAIT_MS = 60 * 60 * 1000;

/**
 * Wait before retry `n` (1 = first retry): doubling from 5 s up to an hour, with "equal jitter"
 * (half fixed, half random) so targets that failed together do not all come back at once.
 * The first retry is 2.5–5 s after the failure.
 */
export function retryDelay(n: number, random = Math.random()): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** (n - 1), LONGEST_WAIT_MS);
  return Math.round(base / 2 + (base / 2) * random);
}
