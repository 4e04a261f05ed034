import 'server-only';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db, transaction } from '@/db';
import { members, sessions } from '@/db/schema';
import { recordActivity, type ActivityActor } from '@/lib/activity/record-activity';
import { config } from '@/lib/config';
import { KuraError } from '@/lib/errors';
import { DAY_MS } from '@/lib/sessions/session-policy';
import { emailAddress } from './email';
import { checkMemberPassword } from './password';
import { retryMessage, throttleKeys } from './throttle-policy';
import { forgiveAttempt, takeAttempt } from './throttle-store';

const credentials = z.object({ email: emailAddress, password: z.string().min(1).max(1024) });

export type LoggedIn = { id: string; email: string; name: string; sessionId: string };

/** Thrown while an email, a client or both are refused; its message says when to try again. */
export class LoginThrottled extends KuraError {
  constructor(waitMs: number) {
    super('too_many', retryMessage(waitMs));
  }
}

/**
 * Email + password from `client` (an IP address): the member with a new session, or null for a wrong
 * email or password. Throws {@link LoginThrottled} after too many failures (lib/auth/throttle-policy.ts),
 * the right password included. Every attempt lands in Activity (a block once, when it begins).
 */
export async function logIn(input: unknown, client: string, now = Date.now()): Promise<LoggedIn | null> {
  const parsed = credentials.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, client);
  const visitor: ActivityActor = { type: 'visitor', id: email, name: email };
  const attempt = await transaction(async (tx) => {
    const taken = await takeAttempt(tx, keys, now);
    if (taken.refused && taken.started) {
      await recordActivity(
        tx,
        visitor,
        [
          {
            operation: 'login_throttled',
            mediaId: null,
            target: email,
            before: null,
            after: { client, until: new Date(taken.until).toISOString() },
          },
        ],
        new Date(now),
      );
    }
    return taken;
  });
  if (attempt.refused) throw new LoginThrottled(attempt.until - now);

  const member = (await db().select().from(members).where(eq(members.email, email)).limit(1))[0];
  const right = await checkMemberPassword(member, password);
  return await transaction(async (tx) => {
    if (!right || !member) {
      await recordActivity(tx, visitor, [
        { operation: 'login_failed', mediaId: null, target: email, before: null, after: { client } },
      ]);
      return null;
    }
    await forgiveAttempt(tx, keys);
    const sessionId = randomBytes(16).toString('hex');
    const at = new Date();
    await tx.insert(sessions).values({
      id: sessionId,
      memberId: member.id,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + config().KURA_SESSION_DAYS * DAY_MS),
      client,
    });
    await recordActivity(
      tx,
      { type: 'member', id: member.id, name: member.name },
      [{ operation: 'login', mediaId: null, target: email, before: null, after: { client } }],
      at,
    );
    return { id: member.id, email: member.email, name: member.name, sessionId };
  });
}
