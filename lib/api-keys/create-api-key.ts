import 'server-only';
import { randomBytes } from 'node:crypto';
import { transaction } from '@/db';
import { apiKeys } from '@/db/schema';
import { hashApiKey, type Actor } from '@/lib/auth/actor';
import { newId } from '@/lib/ids';
import { assertAdmin } from '@/lib/permissions/admin';
import { replaceGrants } from '@/lib/roles/content-grants';
import { createApiKeyInput } from './schemas';
import { recordActivity } from '@/lib/activity/record-activity';

/** How many characters of a key the list shows, to tell keys apart; few enough to give nothing away. */
export const KEY_PREVIEW_LENGTH = 4;

/**
 * Creates an API key: 256 random bits, returned this once and stored only as its SHA-256
 * (Administrators only).
 */
export async function createApiKey(actor: Actor, input: unknown): Promise<{ id: string; name: string; key: string }> {
  assertAdmin(actor, 'create API keys');
  const { content, ...fields } = createApiKeyInput.parse(input);
  const id = newId();
  const key = randomBytes(32).toString('base64url');
  return await transaction(async (tx) => {
    await tx
      .insert(apiKeys)
      .values({ id, keyHash: hashApiKey(key), keyPreview: key.slice(0, KEY_PREVIEW_LENGTH), ...fields });
    await replaceGrants(tx, { apiKeyId: id }, content);
    await recordActivity(tx, actor, [
      { operation: 'api_key_created', mediaId: null, target: fields.name, before: null, after: fields },
    ]);
    return { id, name: fields.name, key };
  });
}
