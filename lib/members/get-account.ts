import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db';
import type { MediaReadScope } from '@/db/enums';
import { memberRoles, members, roles } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { assertMember } from '@/lib/permissions/admin';

export type Account = {
  name: string;
  email: string;
  roles: {
    name: string;
    builtin: boolean;
    mediaRead: MediaReadScope;
    mediaUpload: boolean;
    mediaEdit: boolean;
    mediaDelete: boolean;
  }[];
};

/** The logged-in member's own account: who they are and the roles they hold. */
export async function getAccount(actor: Actor): Promise<Account> {
  assertMember(actor);
  const member = (
    await db()
      .select({ name: members.name, email: members.email })
      .from(members)
      .where(eq(members.id, actor.id))
      .limit(1)
  )[0];
  if (!member) throw notFound('Your account no longer exists');
  const held = await db()
    .select({
      name: roles.name,
      builtin: roles.builtin,
      mediaRead: roles.mediaRead,
      mediaUpload: roles.mediaUpload,
      mediaEdit: roles.mediaEdit,
      mediaDelete: roles.mediaDelete,
    })
    .from(memberRoles)
    .innerJoin(roles, eq(roles.id, memberRoles.roleId))
    .where(eq(memberRoles.memberId, actor.id))
    .orderBy(asc(roles.name));
  return { ...member, roles: held.map((r) => ({ ...r, builtin: r.builtin !== null })) };
}
