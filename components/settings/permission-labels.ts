import type { MediaReadScope } from '@/lib/permissions/read-scopes';
import type { ContentGrant } from '@/lib/roles/schemas';

/** The `Media read` options of the role form, in order (SPEC §7 fixes these words). */
export const MEDIA_READ_LABELS: Record<MediaReadScope, string> = {
  all: 'All media',
  role: 'Created by members of this role',
  own: 'Uploaded by me',
  none: 'None',
};

export type ContentVerb = Exclude<keyof ContentGrant, 'apiId'>;
export const CONTENT_VERBS: ContentVerb[] = ['read', 'create', 'update', 'delete'];

/** Roles speak of reading and writing content; API keys of HTTP methods, as microCMS does. */
export const ROLE_VERBS: Record<ContentVerb, string> = {
  read: 'Read',
  create: 'Create',
  update: 'Update',
  delete: 'Delete',
};
export const KEY_VERBS: Record<ContentVerb, string> = {
  read: 'GET',
  create: 'POST',
  update: 'PATCH',
  delete: 'DELETE',
};

/** "Read, Update" — what a grant allows, in the given words; "—" for nothing. */
export const describeGrant = (grant: ContentGrant, verbs: Record<ContentVerb, string>) =>
  CONTENT_VERBS.filter((v) => grant[v])
    .map((v) => verbs[v])
    .join(', ') || '—';
