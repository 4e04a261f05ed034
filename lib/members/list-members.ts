import 'server-only';
import { asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { media, memberRoles, members, roles } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertAdmin } from '@/lib/permissions/admin';

export type MemberChoice = { id: string; name: string; email: string };

/** Everyone who can be made the creator of media: for those who may change creators (edit right). */
export function listMemberChoices(actor: Actor): MemberChoice[] {
  if (!actor.media.edit) return [];
  return db()
    .select({ id: members.id, name: members.name, email: members.email })
    .from(members)
    .orderBy(asc(members.name), asc(members.email))
    .all();
}

export type MemberRow = MemberChoice & {
  roles: { id: string; name: string; builtin: boolean }[];
  mediaCount: number;
  createdAt: string;
};

/** The members screen: every member with their roles and how many media they uploaded (Administrators only). */
export function listMembers(actor: Actor): MemberRow[] {
  assertAdmin(actor, 'see members');
  const held = new Map<string, MemberRow['roles']>();
  for (const r of db()
    .select({
      memberId: memberRoles.memberId,
      id: roles.id,
      name: roles.name,
      builtin: sql<number>`${roles.builtin} is not null`,
    })
    .from(memberRoles)
    .innerJoin(roles, eq(roles.id, memberRoles.roleId))
    .orderBy(asc(roles.name))
    .all()) {
    held.set(r.memberId, [...(held.get(r.memberId) ?? []), { id: r.id, name: r.name, builtin: r.builtin === 1 }]);
  }
  const uploads = new Map(
    db()
      .select({ creatorId: media.creatorId, n: count() })
      .from(media)
      .where(isNotNull(media.creatorId))
      .groupBy(media.creatorId)
      .all()
      .map((r) => [r.creatorId, r.n]),
  );
  return db()
    .select()
    .from(members)
    .orderBy(asc(members.name), asc(members.email))
    .all()
    .map((m) => ({
      id: m.id,
      email: m.email,
      name: m.name,
      roles: held.get(m.id) ?? [],
      mediaCount: uploads.get(m.id) ?? 0,
      createdAt: m.createdAt.toISOString(),
    }));
}
