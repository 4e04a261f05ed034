import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { db } from '@/db';
import { apiKeys, memberRoles, members, roles } from '@/db/schema';

/** What an actor may do with media. `read` is the union of the scopes of its roles (broadest wins). */
export type MediaRights = {
  read: { all: boolean; own: boolean; roleIds: string[] };
  upload: boolean;
  edit: boolean;
  delete: boolean;
};

/** Who is asking: a logged-in member or an API key. Every domain function takes one. */
export type Actor =
  | { type: 'member'; id: string; email: string; name: string; isAdmin: boolean; media: MediaRights }
  | { type: 'apiKey'; id: string; name: string; media: MediaRights };

/** The member with this id and the rights of all their roles, read fresh so role changes apply at once. */
export function loadMemberActor(memberId: string): Actor | null {
  const rows = db()
    .select({ member: members, role: roles })
    .from(members)
    .leftJoin(memberRoles, eq(memberRoles.memberId, members.id))
    .leftJoin(roles, eq(roles.id, memberRoles.roleId))
    .where(eq(members.id, memberId))
    .all();
  if (rows.length === 0) return null;
  const { member } = rows[0];
  const held = rows.flatMap((r) => (r.role ? [r.role] : []));
  const isAdmin = held.some((r) => r.builtin === 'administrator');
  const any = (pick: (r: (typeof held)[number]) => boolean) => isAdmin || held.some(pick);
  return {
    type: 'member',
    id: member.id,
    email: member.email,
    name: member.name,
    isAdmin,
    media: {
      read: {
        all: any((r) => r.mediaRead === 'all'),
        own: held.some((r) => r.mediaRead === 'own'),
        roleIds: held.filter((r) => r.mediaRead === 'role').map((r) => r.id),
      },
      upload: any((r) => r.mediaUpload),
      edit: any((r) => r.mediaEdit),
      delete: any((r) => r.mediaDelete),
    },
  };
}

export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** The API key with this secret value, unless unknown or revoked. */
export function loadApiKeyActor(secret: string): Actor | null {
  const key = db()
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(secret)), isNull(apiKeys.revokedAt)))
    .get();
  if (!key) return null;
  return {
    type: 'apiKey',
    id: key.id,
    name: key.name,
    media: {
      read: { all: key.mediaGet, own: false, roleIds: [] },
      upload: key.mediaUpload,
      edit: key.mediaEdit,
      delete: key.mediaDelete,
    },
  };
}
