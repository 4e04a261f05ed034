import type { LibraryQuery } from '@/lib/media/schemas';

/** The URL keys the toolbar writes, in the order they appear in a link. `''` stands for "not set". */
export const TOOLBAR_KEYS = ['q', 'kind', 'tag', 'creator', 'after', 'before', 'sort'] as const;
export type ToolbarKey = (typeof TOOLBAR_KEYS)[number];

/** The keys "Clear filters" removes: everything that narrows the list (sort and view only order and show it). */
export const FILTER_KEYS = ['q', 'kind', 'tag', 'creator', 'after', 'before', 'unused'] as const;

export const DEFAULT_SORT = '-created';

/** Whether the query narrows the list at all. */
export function hasFilters(query: LibraryQuery): boolean {
  return FILTER_KEYS.some((key) => query[key] !== undefined);
}

/**
 * The query string of a parsed library query, defaults left out: the links the server page builds
 * (the panel's close link keeps every filter, the sort, the view and the page).
 * @example libraryQueryString({ ...query, selected: undefined }) // "q=cat&kind=image&page=2"
 */
export function libraryQueryString(query: Partial<LibraryQuery>): string {
  const params = new URLSearchParams();
  if (query.view === 'grid') params.set('view', 'grid');
  for (const key of ['q', 'kind', 'tag', 'creator', 'after', 'before'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.sort && query.sort !== DEFAULT_SORT) params.set('sort', query.sort);
  if (query.unused) params.set('unused', '1');
  if (query.page && query.page > 1) params.set('page', String(query.page));
  if (query.selected) params.set('selected', query.selected);
  return params.toString();
}

/** The query string without the keys that do not change which items are listed: a new value means a new list. */
export function listKey(params: URLSearchParams): string {
  const rest = new URLSearchParams(params);
  rest.delete('selected');
  rest.delete('view');
  rest.sort();
  return rest.toString();
}
