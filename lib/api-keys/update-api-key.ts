import 'server-only';
import { eq } from 'drizzle-orm';
import { transaction } from '@/db';
import { apiKeys } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { badRequest, notFound } from '@/lib/errors';
import { assertAdmin } from '@/lib/permissions/admin';
import { replaceGrants } from '@/lib/roles/content-grants';
import { updateApiKeyInput } from './schemas';
import { recordActivity } from '@/lib/activity/record-activity';

/**
 * Changes an API key's name and permissions; the next request with it has the new ones. Revoked keys
 * and the key from `KURA_API_KEY` (every permission, restored at each start) are refused.
 */
export async function updateApiKey(actor: Actor, input: unknown): Promise<{ id: string; name: string }> {
  assertAdmin(actor, 'change API keys');
  const { id, content, ...fields } = updateApiKeyInput.parse(input);
  return await transaction(async (tx) => {
    const key = (await tx.select().from(apiKeys).where(eq(apiKeys.id, id)).limit(1))[0];
    if (!key) throw notFound('No such API key');
    if (key.revokedAt) throw badRequest('This key is revoked; create a new one instead');
    if (key.contentAll) throw badRequest('This key comes from KURA_API_KEY and always has every permission');
    await tx.update(apiKeys).set(fields).where(eq(apiKeys.id, id));
    await replaceGrants(tx, { apiKeyId: id }, content);
    const before = {
      name: key.name,
      mediaGet: key.mediaGet,
      mediaUpload: key.mediaUpload,
      mediaEdit: key.mediaEdit,
      mediaDelete: key.mediaDelete,
    };
    await recordActivity(tx, actor, [
      { operation: 'api_key_updated', mediaId: null, target: fields.name, before, after: fields },
    ]);
    return { id, name: fields.name };
  });
}
