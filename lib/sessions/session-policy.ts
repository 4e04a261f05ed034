/** How long a login lasts: `KURA_SESSION_DAYS` at most, and 7 days without a request. */
export const IDLE_LIMIT_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, not on every request. */
export const TOUCH_EVERY_MS = 5 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;
