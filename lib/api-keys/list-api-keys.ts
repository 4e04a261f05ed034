import 'server-only';
import { asc, desc, sql } from 'drizzle-orm';
import { db } from '@/db';
import { apiKeyContentRights, apiKeys } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertAdmin } from '@/lib/permissions/admin';
import { grantsByHolder } from '@/lib/roles/content-grants';
import type { ContentGrant } from '@/lib/roles/schemas';

export type ApiKeyRow = {
  id: string;
  name: string;
  /** The key's first characters; the key itself is never stored. */
  preview: string;
  mediaGet: boolean;
  mediaUpload: boolean;
  mediaEdit: boolean;
  mediaDelete: boolean;
  /** Every right on every API (the key from `KURA_API_KEY`). */
  contentAll: boolean;
  content: ContentGrant[];
  createdAt: string;
  revokedAt: string | null;
};

/** Every API key, active ones first, newest first (Administrators only). */
export async function listApiKeys(actor: Actor): Promise<ApiKeyRow[]> {
  assertAdmin(actor, 'see API keys');
  const grants = grantsByHolder(await db().select().from(apiKeyContentRights), (r) => r.apiKeyId);
  return (
    await db()
      .select()
      .from(apiKeys)
      .orderBy(asc(sql`${apiKeys.revokedAt} is not null`), desc(apiKeys.createdAt), asc(apiKeys.name))
  ).map((k) => ({
    id: k.id,
    name: k.name,
    preview: k.keyPreview,
    mediaGet: k.mediaGet,
    mediaUpload: k.mediaUpload,
    mediaEdit: k.mediaEdit,
    mediaDelete: k.mediaDelete,
    contentAll: k.contentAll,
    content: grants.get(k.id) ?? [],
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt?.toISOString() ?? null,
  }));
}
