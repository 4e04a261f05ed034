import { z } from 'zod';
import { parseAtRoot } from '@/lib/parse-at-root';

export const mediaId = z.string().regex(/^[0-9a-f]{32}$/, 'A media id is 32 lowercase hex characters');

/** An earlier version of a media item (lib/versions/). */
export const versionId = z.string().regex(/^[0-9a-f]{32}$/, 'A version id is 32 lowercase hex characters');

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

const someTags = z.array(tagName).min(1, 'Give at least one tag').max(50, 'At most 50 tags at once');

/** The bulk bar's one change to many media: a new creator, tags to add or tags to remove (`editManyMedia`). */
export const bulkEditInput = z.union([
  z
    .object({ ids: z.array(mediaId).min(1, 'Select at least one media item').max(1000), creatorId: z.string().min(1) })
    .strict(),
  z
    .object({
      ids: z.array(mediaId).min(1, 'Select at least one media item').max(1000),
      addTags: someTags,
    })
    .strict(),
  z.object({ ids: z.array(mediaId).min(1, 'Select at least one media item').max(1000), removeTags: someTags }).strict(),
]);

/** The panel's edit of one media item; `changes` refused as `editMedia` refuses them (`fileName: …`). */
export const editMediaInput = z
  .object({ id: mediaId, changes: z.record(z.string(), z.unknown()) })
  .transform(({ id, changes }, ctx) => ({ id, changes: parseAtRoot(mediaChanges, changes, ctx) }));

/** A merge of duplicates (`mergeMedia`): the item kept, the ones merged into it, and consent for near-duplicates. */
export const mergeInput = z
  .object({
    keep: mediaId,
    merge: z
      .array(mediaId)
      .min(1, 'merge: name at least one media item to merge')
      .max(100, 'merge: at most 100 at once'),
    confirmNear: z.boolean().optional(),
  })
  .strict();
export type MergeInput = z.infer<typeof mergeInput>;
