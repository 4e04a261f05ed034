import { z } from 'zod';
import { KIND_FILTERS, SORTS, type MediaSort } from './filter-options';
import type { MediaFilter } from './media-filter';

const optionalText = (max: number) => z.string().trim().max(max).optional().catch(undefined).transform((v) => v || undefined);
const optionalDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/**
 * The library's URL state: the page's searchParams parse with this. Bad values fall back to defaults
 * (a hand-edited link still opens the library). `after`/`before` are days (YYYY-MM-DD, UTC).
 */
export const libraryQuery = z.object({
  view: z.enum(['table', 'grid']).catch('table'),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  selected: z.string().regex(/^[0-9a-f]{32}$/).optional().catch(undefined),
  q: optionalText(200),
  kind: z.enum(KIND_FILTERS).optional().catch(undefined),
  tag: optionalText(50),
  creator: optionalText(64),
  after: optionalDay,
  before: optionalDay,
  sort: z.enum(SORTS).catch('-created'),
  /** Only media that no content references. */
  unused: z.literal('1').transform(() => true).optional().catch(undefined),
});
export type LibraryQuery = z.infer<typeof libraryQuery>;

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

export const mediaId = z.string().regex(/^[0-9a-f]{32}$/, 'A media id is 32 lowercase hex characters');

export const tagName = z.string().trim().min(1, 'A tag has 1–50 characters').max(50, 'A tag has 1–50 characters');

/** What an edit may change (the panel's dialogs and `PATCH /api/v1/media/{id}` alike); unknown keys are refused. */
export const mediaChanges = z
  .object({
    // describeError puts the field name in front of these.
    fileName: z.string().trim().min(1, 'give the file a name').max(1000, 'at most 200 bytes').optional(),
    alt: z.string().max(1000, 'at most 1,000 characters').optional(),
    tags: z.array(tagName, 'expected an array of tag names').optional(),
    creatorId: z.string('expected a member id').min(1).optional(),
  })
  .strict();
export type MediaChanges = z.infer<typeof mediaChanges>;
