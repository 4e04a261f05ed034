import 'server-only';
import { desc, inArray, isNull } from 'drizzle-orm';
import { db } from '@/db';
import { invites, roles } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertAdmin } from '@/lib/permissions/admin';

export type InviteRow = { id: string; email: string; roles: string[]; expiresAt: string; expired: boolean };

/** Invite links nobody has used yet, newest first, expired ones too (Administrators only). */
export async function listInvites(actor: Actor): Promise<InviteRow[]> {
  assertAdmin(actor, 'see invite links');
  const rows = await db().select().from(invites).where(isNull(invites.usedAt)).orderBy(desc(invites.createdAt));
  const ids = [...new Set(rows.flatMap((r) => r.roleIds))];
  const names = new Map(
    (ids.length
      ? await db().select({ id: roles.id, name: roles.name }).from(roles).where(inArray(roles.id, ids))
      : []
    ).map((r) => [r.id, r.name]),
  );
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    roles: r.roleIds.flatMap((id) => names.get(id) ?? []).sort(),
    expiresAt: r.expiresAt.toISOString(),
    expired: r.expiresAt.getTime() <= now,
  }));
}
