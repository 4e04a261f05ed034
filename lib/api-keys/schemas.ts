import { z } from 'zod';
import { contentGrants } from '@/lib/roles/schemas';

export const apiKeyId = z.string().min(1).max(64);

const keyFields = {
  // describeError puts the field name in front of these.
  name: z.string().trim().min(1, 'give the key a name').max(60, 'use at most 60 characters'),
  mediaGet: z.boolean().default(false),
  mediaUpload: z.boolean().default(false),
  mediaEdit: z.boolean().default(false),
  mediaDelete: z.boolean().default(false),
  /** Per API: `read` is GET, `create` POST, `update` PATCH, `delete` DELETE. */
  content: contentGrants,
};

/** A new API key: its name and permissions (the secret itself is made by Kura). */
export const createApiKeyInput = z.object(keyFields).strict();

/** A changed API key: the whole form again, with the key's id. */
export const updateApiKeyInput = z.object({ id: apiKeyId, ...keyFields }).strict();
