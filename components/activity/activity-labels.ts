import type { AuditOperation } from '@/db/schema';
import type { ActivityQuery, ActivityRow } from '@/lib/activity/list-activity';

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
};

/** In the order of the Operation filter (the schema's list stays out of the browser bundle). */
export const OPERATIONS = Object.keys(OPERATION_LABELS) as AuditOperation[];

/** "Administrator", or "API key: KURA_API_KEY" for work done through the API. */
export const actorLabel = (a: Pick<ActivityRow['actor'], 'type' | 'name'>) => (a.type === 'apiKey' ? `API key: ${a.name}` : a.name);

/**
 * The Activity screen's URL for a query, defaults left out: filters and paging are links.
 * @example activityHref({ operation: 'rename', page: 2 }) // "/media/settings/activity?operation=rename&page=2"
 */
export function activityHref(query: Partial<ActivityQuery>): string {
  const params = new URLSearchParams();
  for (const key of ['actor', 'operation', 'from', 'to'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return `/media/settings/activity${search ? `?${search}` : ''}`;
}
