import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { invites } from '@/db/schema';
import { hashInviteToken } from './invite-token';
import { inviteToken } from './schemas';

export type InviteState = { email: string; state: 'open' | 'used' | 'expired'; expiresAt: string };

/**
 * What an invite link leads to, for its page: whose it is and whether it still works; null for a link Kura never made.
 * Open to anyone: holding the link is what this asks for.
 */
export async function findInvite(token: string): Promise<InviteState | null> {
  const parsed = inviteToken.safeParse(token);
  if (!parsed.success) return null;
  const row = (
    await db()
      .select({ email: invites.email, expiresAt: invites.expiresAt, usedAt: invites.usedAt })
      .from(invites)
      .where(eq(invites.tokenHash, hashInviteToken(parsed.data)))
      .limit(1)
  )[0];
  if (!row) return null;
  const state = row.usedAt ? 'used' : row.expiresAt.getTime() <= Date.now() ? 'expired' : 'open';
  return { email: row.email, state, expiresAt: row.expiresAt.toISOString() };
}
