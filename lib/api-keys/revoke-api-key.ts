import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { transaction } from '@/db';
import { apiKeys } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { badRequest, notFound } from '@/lib/errors';
import { assertAdmin } from '@/lib/permissions/admin';
import { recordActivity } from '@/lib/activity/record-activity';

/**
 * Revokes an API key: the very next request with it gets 401, since every request looks the key up
 * afresh. The row stays (name, preview, when it was revoked) so the list can show what happened.
 */
export async function revokeApiKey(actor: Actor, id: string): Promise<{ id: string; revokedAt: string }> {
  assertAdmin(actor, 'revoke API keys');
  const now = new Date();
  return await transaction(async (tx) => {
    const revoked = await tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name });
    if (revoked.length > 0) {
      await recordActivity(tx, actor, [
        { operation: 'api_key_revoked', mediaId: null, target: revoked[0].name, before: null, after: null },
      ]);
      return { id, revokedAt: now.toISOString() };
    }
    if ((await tx.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.id, id)).limit(1))[0])
      throw badRequest('This key is already revoked');
    throw notFound('No such API key');
  });
}
