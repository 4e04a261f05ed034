import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { db } from '@/db';
import { apiKeyContentRights, apiKeys, memberRoles, members, roleContentRights, roles } from '@/db/schema';

/** What an actor may do with media. `read` is the union of the scopes of its roles (broadest wins). */
export type MediaRights = {
  read: { all: boolean; own: boolean; roleIds: string[] };
  upload: boolean;
  edit: boolean;
  delete: boolean;
};

export const CONTENT_ACTIONS = ['read', 'create', 'update', 'delete'] as const;
export type ContentAction = (typeof CONTENT_ACTIONS)[number];
export type ContentRightSet = Record<ContentAction, boolean>;

/** What an actor may do with content: everything everywhere, or per API id. */
export type ContentRights = { everywhere: boolean; byApi: Record<string, ContentRightSet> };

/** Who is asking: a logged-in member or an API key. Every domain function takes one. */
export type Actor =
  | {
      type: 'member';
      id: string;
      email: string;
      name: string;
      isAdmin: boolean;
      media: MediaRights;
      content: ContentRights;
      /** The login this request came with (absent when the member is loaded for other reasons). */
      sessionId?: string;
    }
  | { type: 'apiKey'; id: string; name: string; media: MediaRights; content: ContentRights };

/** The member with this id and the rights of all their roles, read fresh so role changes apply at once. */
export async function loadMemberActor(memberId: string): Promise<Actor | null> {
  const rows = await db()
    .select({ member: members, role: roles })
    .from(members)
    .leftJoin(memberRoles, eq(memberRoles.memberId, members.id))
    .leftJoin(roles, eq(roles.id, memberRoles.roleId))
    .where(eq(members.id, memberId));
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
    content: {
      everywhere: isAdmin,
      byApi:
        isAdmin || held.length === 0
          ? {}
          : unionRights(
              await db()
                .select()
                .from(roleContentRights)
                .where(
                  inArray(
                    roleContentRights.roleId,
                    held.map((r) => r.id),
                  ),
                ),
            ),
    },
  };
}

/** Per-API rights from several grants (roles of one member): a right held by any grant is held. */
function unionRights(rows: (ContentRightSet & { apiId: string })[]): Record<string, ContentRightSet> {
  const byApi: Record<string, ContentRightSet> = {};
  for (const row of rows) {
    const set = (byApi[row.apiId] ??= { read: false, create: false, update: false, delete: false });
    for (const action of CONTENT_ACTIONS) set[action] ||= row[action];
  }
  return byApi;
}

export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** The API key with this secret value, unless unknown or revoked. */
export async function loadApiKeyActor(secret: string): Promise<Actor | null> {
  const key = (
    await db()
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.keyHash, hashApiKey(secret)), isNull(apiKeys.revokedAt)))
      .limit(1)
  )[0];
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
    content: {
      everywhere: key.contentAll,
      byApi: key.contentAll
        ? {}
        : unionRights(await db().select().from(apiKeyContentRights).where(eq(apiKeyContentRights.apiKeyId, key.id))),
    },
  };
}
