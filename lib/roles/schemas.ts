import { z } from 'zod';
import { MEDIA_READ_SCOPES } from '@/db/enums';

/** Rights on one API's content, as the role and API-key forms send them (an API key's GET is `read`). */
export const contentGrant = z
  .object({
    apiId: z.string().min(1).max(64),
    read: z.boolean().default(false),
    create: z.boolean().default(false),
    update: z.boolean().default(false),
    delete: z.boolean().default(false),
  })
  .strict();
export type ContentGrant = z.infer<typeof contentGrant>;

export const contentGrants = z.array(contentGrant).max(1000, 'at most 1,000 APIs').default([]);

export const roleId = z.string().min(1, 'Choose a role').max(64);

const roleFields = {
  // describeError puts the field name in front of these.
  name: z.string().trim().min(1, 'give the role a name').max(50, 'use at most 50 characters'),
  mediaRead: z.enum(MEDIA_READ_SCOPES, 'choose which media the role can read'),
  mediaUpload: z.boolean().default(false),
  mediaEdit: z.boolean().default(false),
  mediaDelete: z.boolean().default(false),
  content: contentGrants,
};

/** A new role: its name, media read scope and rights, and its rights on each API's content. */
export const createRoleInput = z.object(roleFields).strict();
export type RoleInput = z.infer<typeof createRoleInput>;

/** A changed role: the whole form again, with the role's id. */
export const updateRoleInput = z.object({ id: roleId, ...roleFields }).strict();
