import type { AuditOperation } from '@/lib/activity/operations';
import type { ActivityCategory, ActivityQuery, ActivityRow } from '@/lib/activity/list-activity';

/** The operations of the audit log as the Activity screen names them. */
export const OPERATION_LABELS: Record<AuditOperation, string> = {
  upload: 'Upload',
  rename: 'Rename',
  reupload: 'Re-upload',
  alt: 'Alt text',
  tags: 'Tags',
  creator: 'Creator',
  delete: 'Delete',
  delete_all: 'Delete all',
  restore: 'Restore from Trash',
  purge: 'Delete permanently',
  version_delete: 'Version deleted',
  image_edit: 'Focal point and crop',
  login: 'Login',
  login_failed: 'Login failed',
  login_throttled: 'Login throttled',
  logout: 'Logout',
  sessions_ended: 'Sessions ended',
  other_sessions_ended: 'Other sessions ended',
  password_changed: 'Password changed',
  member_added: 'Member added',
  invite_created: 'Invite link made',
  invite_revoked: 'Invite link revoked',
  member_updated: 'Member changed',
  member_removed: 'Member removed',
  role_created: 'Role created',
  role_updated: 'Role changed',
  role_deleted: 'Role deleted',
  api_key_created: 'API key created',
  api_key_updated: 'API key changed',
  api_key_revoked: 'API key revoked',
  webhook_created: 'Webhook created',
  webhook_updated: 'Webhook changed',
  webhook_deleted: 'Webhook deleted',
  storage_changed: 'Storage changed',
};

/** The Kind filter: media work, or security (logins, sessions, members, roles, API keys, webhooks, storage). */
export const CATEGORY_LABELS: Record<ActivityCategory, string> = { media: 'Media', security: 'Security' };

/** In the order of the Operation filter (the schema's list stays out of the browser bundle). */
export const OPERATIONS = Object.keys(OPERATION_LABELS) as AuditOperation[];

/** "Administrator", "API key: KURA_API_KEY" for work done through the API, "Not logged in: x@y" for a login attempt. */
export const actorLabel = (a: Pick<ActivityRow['actor'], 'type' | 'name'>) =>
  a.type === 'apiKey' ? `API key: ${a.name}` : a.type === 'visitor' ? `Not logged in: ${a.name}` : a.name;

/**
 * The Activity screen's URL for a query, defaults left out: filters and paging are links.
 * @example activityHref({ operation: 'rename', page: 2 }) // "/media/settings/activity?operation=rename&page=2"
 */
export function activityHref(query: Partial<ActivityQuery>): string {
  const params = new URLSearchParams();
  for (const key of ['category', 'actor', 'operation', 'from', 'to'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return `/media/settings/activity${search ? `?${search}` : ''}`;
}

/** Which operations the Security kind holds (kept here: the schema's lists stay out of the browser bundle). */
export const SECURITY_OPERATION_SET = new Set<AuditOperation>(OPERATIONS.slice(OPERATIONS.indexOf('login')));
