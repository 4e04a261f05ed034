import 'server-only';
import { eq, inArray, lt, and, or, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { greatest } from '@/db/dialect';
import { loginThrottle } from '@/db/schema';
import { stepCounter, THROTTLE_LIMITS, THROTTLE_WINDOW_MS, type Counter, type ThrottleKind } from './throttle-policy';

/*
 * The one place that stores login counters (the login_throttle table). Everything else goes through
 * these three functions, so moving to another database touches only this file.
 */

export type Attempt = { refused: false } | { refused: true; until: number; started: boolean };

/**
 * Counts one login attempt against each key, in the caller's transaction. Refused when any key is
 * blocked or this attempt goes past a limit; a refused attempt counts nowhere else.
 */
export async function takeAttempt(tx: Tx, keys: Record<ThrottleKind, string>, now: number): Promise<Attempt> {
  const kinds = Object.keys(keys) as ThrottleKind[];
  const rows = new Map(
    (
      await tx
        .select()
        .from(loginThrottle)
        .where(inArray(loginThrottle.key, Object.values(keys)))
    ).map((r) => [r.key, r]),
  );
  const steps = kinds.map((kind) => {
    const row = rows.get(keys[kind]);
    const counter: Counter | undefined = row && {
      failures: row.failures,
      windowStart: row.windowStart.getTime(),
      blockedUntil: row.blockedUntil?.getTime() ?? null,
      blocks: row.blocks,
    };
    return { key: keys[kind], step: stepCounter(counter, THROTTLE_LIMITS[kind], now) };
  });
  const refusing = steps.filter((s) => s.step.refused);
  for (const { key, step } of refusing.length ? refusing : steps) await write(tx, key, step.counter);
  if (refusing.length === 0) return { refused: false };
  const until = Math.max(...refusing.map((s) => (s.step.refused ? s.step.until : 0)));
  return { refused: true, until, started: refusing.some((s) => s.step.refused && s.step.started) };
}

/** A right password: the email and client pair starts again; the wider counters forget this one attempt. */
export async function forgiveAttempt(tx: Tx, keys: Record<ThrottleKind, string>): Promise<void> {
  await tx.delete(loginThrottle).where(eq(loginThrottle.key, keys.pair));
  await tx
    .update(loginThrottle)
    .set({ failures: greatest(sql`${loginThrottle.failures} - 1`, 0) })
    .where(inArray(loginThrottle.key, [keys.email, keys.client]));
}

/** Drops counters whose window and block are both long over (their blocks count is forgotten by then too). */
export async function pruneThrottle(tx: Tx, now: number): Promise<void> {
  const old = new Date(now - 24 * 60 * 60 * 1000 - THROTTLE_WINDOW_MS);
  await tx
    .delete(loginThrottle)
    .where(
      and(
        lt(loginThrottle.windowStart, old),
        or(isNull(loginThrottle.blockedUntil), lt(loginThrottle.blockedUntil, old)),
      ),
    );
}

async function write(tx: Tx, key: string, c: Counter) {
  const values = {
    failures: c.failures,
    windowStart: new Date(c.windowStart),
    blockedUntil: c.blockedUntil === null ? null : new Date(c.blockedUntil),
    blocks: c.blocks,
  };
  await tx
    .insert(loginThrottle)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: loginThrottle.key, set: values });
}
