import { z } from 'zod';

/** The library's URL state: the page's searchParams parse with this. */
export const libraryQuery = z.object({
  view: z.enum(['table', 'grid']).catch('table'),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  selected: z.string().regex(/^[0-9a-f]{32}$/).optional().catch(undefined),
  /** Only media that no content references. */
  unused: z.literal('1').transform(() => true).optional().catch(undefined),
});
export type LibraryQuery = z.infer<typeof libraryQuery>;

export const mediaId = z.string().regex(/^[0-9a-f]{32}$/, 'A media id is 32 lowercase hex characters');
