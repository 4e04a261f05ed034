import 'server-only';
import { asc, count, desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { MediaReadScope } from '@/db/enums';
import { memberRoles, roleContentRights, roles } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertAdmin } from '@/lib/permissions/admin';
import { grantsByHolder } from './content-grants';
import type { ContentGrant } from './schemas';

export type RoleRow = {
  id: string;
  name: string;
  /** The built-in Administrator: every right, never edited or deleted. */
  builtin: boolean;
  mediaRead: MediaReadScope;
  mediaUpload: boolean;
  mediaEdit: boolean;
  mediaDelete: boolean;
  /** How many members hold the role. */
  members: number;
  content: ContentGrant[];
};

/** Every role, the Administrator first, with its rights and how many members hold it (Administrators only). */
export async function listRoles(actor: Actor): Promise<RoleRow[]> {
  assertAdmin(actor, 'see roles');
  const rows = await db()
    .select({
      role: roles,
      members:
        sql<number>`(${db().select({ n: count() }).from(memberRoles).where(eq(memberRoles.roleId, roles.id))})`.mapWith(
          Number,
        ),
    })
    .from(roles)
    .orderBy(desc(sql`${roles.builtin} is not null`), asc(roles.name));
  const grants = grantsByHolder(await db().select().from(roleContentRights), (r) => r.roleId);
  return rows.map(({ role, members }) => ({
    id: role.id,
    name: role.name,
    builtin: role.builtin !== null,
    mediaRead: role.mediaRead,
    mediaUpload: role.mediaUpload,
    mediaEdit: role.mediaEdit,
    mediaDelete: role.mediaDelete,
    members,
    content: grants.get(role.id) ?? [],
  }));
}
