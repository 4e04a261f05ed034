import { z } from 'zod';
import { DEFAULT_SORT, KIND_FILTERS, SORTS, type MediaSort } from './filter-options';
import type { MediaFilter } from './media-filter';

// The library's URL state, parsed and written here only: the page, its links and the toolbar all use it.

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);
const optionalDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** A switch in the URL: `1` or absent. */
const onOff = z
  .literal('1')
  .transform(() => true)
  .optional()
  .catch(undefined);

/** The page sizes the pager offers. */
export const PAGE_SIZES = [50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** The keys the toolbar writes, in the order they appear in a link. */
const toolbarFields = {
  q: optionalText(200),
  kind: z.enum(KIND_FILTERS).optional().catch(undefined),
  tag: optionalText(50),
  creator: optionalText(64),
  after: optionalDay,
  before: optionalDay,
  sort: z.enum(SORTS).catch(DEFAULT_SORT),
};

/**
 * The library's URL state: the page's searchParams parse with this. Bad values fall back to defaults
 * (a hand-edited link still opens the library). `after`/`before` are days (YYYY-MM-DD, UTC).
 * Keys are in the order a link writes them.
 */
export const libraryQuery = z.object({
  view: z.enum(['table', 'grid']).catch('table'),
  ...toolbarFields,
  /** Only media that no content references. */
  unused: onOff,
  /** The Duplicates view: groups of exact and near-duplicates instead of the list (docs/duplicates.md). */
  duplicates: onOff,
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  /** Items per page: one of PAGE_SIZES. */
  perPage: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(DEFAULT_PAGE_SIZE),
  selected: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional()
    .catch(undefined),
});
export type LibraryQuery = z.infer<typeof libraryQuery>;

/** The cookie that remembers the view last chosen in this browser, for links that name none (Media, a tag). */
export const VIEW_COOKIE = 'kura_view';

/** The page's query: what the URL says, and without a `view` in it the view last chosen (`VIEW_COOKIE`). */
export function parseLibraryQuery(params: Record<string, unknown>, lastView: string | undefined): LibraryQuery {
  return libraryQuery.parse({ view: lastView, ...params });
}
type LibraryKey = keyof LibraryQuery;

const LIBRARY_KEYS = Object.keys(libraryQuery.shape) as LibraryKey[];
const DEFAULTS: Partial<LibraryQuery> = libraryQuery.parse({});

/** The URL keys the toolbar writes, in the order they appear in a link. `''` stands for "not set". */
export const TOOLBAR_KEYS = Object.keys(toolbarFields) as (keyof typeof toolbarFields)[];
export type ToolbarKey = (typeof TOOLBAR_KEYS)[number];

/** Keys that only order or show the list (and the open item): "Clear filters" keeps them, a new list ignores some. */
const SHOWING_KEYS = ['view', 'sort', 'page', 'perPage', 'selected'] as const satisfies LibraryKey[];

/** The keys "Clear filters" removes: everything that narrows the list. */
type FilterKey = Exclude<LibraryKey, (typeof SHOWING_KEYS)[number]>;
export const FILTER_KEYS = LIBRARY_KEYS.filter(
  (key): key is FilterKey => !(SHOWING_KEYS as readonly string[]).includes(key),
);

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
  for (const key of LIBRARY_KEYS) {
    const value = query[key];
    if (value === undefined || value === '' || value === DEFAULTS[key]) continue;
    params.set(key, value === true ? '1' : String(value));
  }
  return params.toString();
}

/** The library query as a listing filter (days become instants: `before` is exclusive of the next day). */
export function libraryFilter(q: LibraryQuery): MediaFilter & { sort: MediaSort } {
  const day = (d: string, plus = 0) => new Date(Date.parse(`${d}T00:00:00Z`) + plus * 86_400_000);
  return {
    search: q.q,
    kind: q.kind,
    tags: q.tag ? [q.tag] : undefined,
    creator: q.creator,
    createdAfter: q.after ? day(q.after) : undefined,
    createdBefore: q.before ? day(q.before, 1) : undefined,
    unused: q.unused,
    sort: q.sort,
  };
}
