import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { db, transaction } from '@/db';
import { members, sessions } from '@/db/schema';
import { recordActivity } from '@/lib/activity/record-activity';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { badRequest, KuraError } from '@/lib/errors';
import { assertMember } from '@/lib/permissions/admin';
import { changePasswordInput } from './schemas';

/** A member changes their own password, proving it is them with the current one; their other sessions end. */
export async function changeOwnPassword(actor: Actor, input: unknown): Promise<{ id: string }> {
  assertMember(actor);
  const { currentPassword, newPassword } = changePasswordInput.parse(input);
  const row = (
    await db().select({ passwordHash: members.passwordHash }).from(members).where(eq(members.id, actor.id)).limit(1)
  )[0];
  if (!row || !(await verifyPassword(row.passwordHash, currentPassword)))
    throw badRequest('The current password is not right');
  if (newPassword === currentPassword) throw badRequest('The new password is the same as the current one');
  const passwordHash = await hashPassword(newPassword);
  return await transaction(async (tx) => {
    // Written only over the hash that was checked, so a change made meanwhile (another tab) is not silently undone.
    const updated = await tx
      .update(members)
      .set({ passwordHash })
      .where(and(eq(members.id, actor.id), eq(members.passwordHash, row.passwordHash)))
      .returning({ id: members.id });
    if (updated.length === 0)
      throw new KuraError('conflict', 'Your password was changed meanwhile; enter the new current password');
    // Whoever knew the old password is logged out everywhere; this browser stays in.
    const ended = (
      await tx
        .delete(sessions)
        .where(and(eq(sessions.memberId, actor.id), ne(sessions.id, actor.sessionId ?? '')))
        .returning({ id: sessions.id })
    ).length;
    await recordActivity(tx, actor, [
      {
        operation: 'password_changed',
        mediaId: null,
        target: actor.email,
        before: null,
        after: { sessionsEnded: ended },
      },
    ]);
    return updated[0];
  });
}
