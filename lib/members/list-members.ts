import 'server-only';
import { asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { media, memberRoles, members, roles } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertAdmin } from '@/lib/permissions/admin';

export type MemberChoice = { id: string; name: string; email: string };

/** Everyone who can be made the creator of media: for those who may change creators (edit right). */
export async function listMemberChoices(actor: Actor): Promise<MemberChoice[]> {
  if (!actor.media.edit) return [];
  return await db()
    .select({ id: members.id, name: members.name, email: members.email })
    .from(members)
    .orderBy(asc(members.name), asc(members.email));
}

export type MemberRow = MemberChoice & {
  roles: { id: string; name: string; builtin: boolean }[];
  mediaCount: number;
  createdAt: string;
};

/** The members screen: every member with their roles and how many media they uploaded (Administrators only). */
export async function listMembers(actor: Actor): Promise<MemberRow[]> {
  assertAdmin(actor, 'see members');
  const held = new Map<string, MemberRow['roles']>();
  for (const r of await db()
    .select({
      memberId: memberRoles.memberId,
      id: roles.id,
      name: roles.name,
      builtin: sql<number>`${roles.builtin} is not null`.mapWith(Number),
    })
    .from(memberRoles)
    .innerJoin(roles, eq(roles.id, memberRoles.roleId))
    .orderBy(asc(roles.name))) {
    held.set(r.memberId, [...(held.get(r.memberId) ?? []), { id: r.id, name: r.name, builtin: r.builtin === 1 }]);
  }
  const uploads = new Map(
    (
      await db()
        .select({ creatorId: media.creatorId, n: count() })
        .from(media)
        .where(isNotNull(media.creatorId))
        .groupBy(media.creatorId)
    ).map((r) => [r.creatorId, r.n]),
  );
  return (await db().select().from(members).orderBy(asc(members.name), asc(members.email))).map((m) => ({
    id: m.id,
    email: m.email,
    name: m.name,
    roles: held.get(m.id) ?? [],
    mediaCount: uploads.get(m.id) ?? 0,
    createdAt: m.createdAt.toISOString(),
  }));
}
