import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { apiKeyContentRights, apis, roleContentRights } from '@/db/schema';
import { CONTENT_ACTIONS, type ContentRightSet } from '@/lib/auth/actor';
import { badRequest } from '@/lib/errors';
import type { ContentGrant } from './schemas';

/** Whose content rights: a role's or an API key's (two tables of the same shape). */
export type GrantHolder = { roleId: string } | { apiKeyId: string };

/**
 * Replaces the holder's per-API content rights inside the caller's transaction: one row per API
 * (rights given twice are merged), none without any right, and only for APIs that exist now.
 */
export async function replaceGrants(tx: Tx, holder: GrantHolder, grants: ContentGrant[]): Promise<void> {
  const wanted = merged(grants);
  if (wanted.length > 0) {
    const known = new Set(
      (
        await tx
          .select({ id: apis.id })
          .from(apis)
          .where(
            inArray(
              apis.id,
              wanted.map((g) => g.apiId),
            ),
          )
      ).map((r) => r.id),
    );
    const unknown = wanted.find((g) => !known.has(g.apiId));
    if (unknown)
      throw badRequest(`There is no API with the id ${unknown.apiId}; reload the page to see the current APIs`);
  }
  if ('roleId' in holder) {
    await tx.delete(roleContentRights).where(eq(roleContentRights.roleId, holder.roleId));
    if (wanted.length > 0) await tx.insert(roleContentRights).values(wanted.map((g) => ({ ...holder, ...g })));
  } else {
    await tx.delete(apiKeyContentRights).where(eq(apiKeyContentRights.apiKeyId, holder.apiKeyId));
    if (wanted.length > 0) await tx.insert(apiKeyContentRights).values(wanted.map((g) => ({ ...holder, ...g })));
  }
}

function merged(grants: ContentGrant[]): ContentGrant[] {
  const byApi = new Map<string, ContentGrant>();
  for (const grant of grants) {
    const into = byApi.get(grant.apiId) ?? {
      apiId: grant.apiId,
      read: false,
      create: false,
      update: false,
      delete: false,
    };
    for (const action of CONTENT_ACTIONS) into[action] ||= grant[action];
    byApi.set(grant.apiId, into);
  }
  return [...byApi.values()].filter((g) => CONTENT_ACTIONS.some((a) => g[a]));
}

/** Stored grant rows of either table, grouped by holder id in the forms' shape. */
export function grantsByHolder<R extends ContentRightSet & { apiId: string }>(
  rows: R[],
  holderOf: (row: R) => string,
): Map<string, ContentGrant[]> {
  const byHolder = new Map<string, ContentGrant[]>();
  for (const row of rows) {
    const grant = { apiId: row.apiId, read: row.read, create: row.create, update: row.update, delete: row.delete };
    byHolder.set(holderOf(row), [...(byHolder.get(holderOf(row)) ?? []), grant]);
  }
  return byHolder;
}
