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

export const tagName = z.string().trim().min(1, 'A tag has 1–50 characters').max(50, 'A tag has 1–50 characters');

/** What an edit may change (the panel's dialogs and `PATCH /api/v1/media/{id}` alike); unknown keys are refused. */
export const mediaChanges = z
  .object({
    fileName: z.string().trim().min(1, 'fileName: give the file a name').max(1000, 'fileName: at most 200 bytes').optional(),
    alt: z.string().max(1000, 'alt: at most 1,000 characters').optional(),
    tags: z.array(tagName, 'tags: expected an array of tag names').optional(),
    creatorId: z.string('creatorId: expected a member id').min(1).optional(),
  })
  .strict();
export type MediaChanges = z.infer<typeof mediaChanges>;
