import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { members } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { badRequest, KuraError } from '@/lib/errors';
import { assertMember } from '@/lib/permissions/admin';
import { changePasswordInput } from './schemas';

/** A member changes their own password, proving it is them with the current one. */
export async function changeOwnPassword(actor: Actor, input: unknown): Promise<{ id: string }> {
  assertMember(actor);
  const { currentPassword, newPassword } = changePasswordInput.parse(input);
  const row = db().select({ passwordHash: members.passwordHash }).from(members).where(eq(members.id, actor.id)).get();
  if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) throw badRequest('The current password is not right');
  if (newPassword === currentPassword) throw badRequest('The new password is the same as the current one');
  const passwordHash = await hashPassword(newPassword);
  // Written only over the hash that was checked, so a change made meanwhile (another tab) is not silently undone.
  const updated = db()
    .update(members)
    .set({ passwordHash })
    .where(and(eq(members.id, actor.id), eq(members.passwordHash, row.passwordHash)))
    .returning({ id: members.id })
    .all();
  if (updated.length === 0) throw new KuraError('conflict', 'Your password was changed meanwhile; enter the new current password');
  return updated[0];
}
