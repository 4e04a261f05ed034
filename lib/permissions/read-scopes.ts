/** Which media a role may read (the roles table's `media_read`): all, by members of this role, own, none. */
export const MEDIA_READ_SCOPES = ['all', 'role', 'own', 'none'] as const;
export type MediaReadScope = (typeof MEDIA_READ_SCOPES)[number];
