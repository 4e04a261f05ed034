import { z } from 'zod';
import { IMAGE_FLIPS } from '@/db/enums';
import { parseAtRoot } from '@/lib/parse-at-root';

export const mediaId = z.string().regex(/^[0-9a-f]{32}$/, 'A media id is 32 lowercase hex characters');

/** An earlier version of a media item (lib/versions/). */
export const versionId = z.string().regex(/^[0-9a-f]{32}$/, 'A version id is 32 lowercase hex characters');

export const tagName = z.string().trim().min(1, 'A tag has 1–50 characters').max(50, 'A tag has 1–50 characters');

const fraction = z.number('expected a number from 0 to 1').min(0, 'expected 0 to 1').max(1, 'expected 0 to 1');
const pixel = (min: number) =>
  z
    .number('expected whole pixels')
    .int('expected whole pixels')
    .min(min, min === 0 ? 'expected 0 or more pixels' : 'expected at least 1 pixel');

/** What an edit may change (the panel's dialogs and `PATCH /api/v1/media/{id}` alike); unknown keys are refused. */
export const mediaChanges = z
  .object({
    // describeError puts the field name in front of these.
    fileName: z.string().trim().min(1, 'give the file a name').max(1000, 'at most 200 bytes').optional(),
    alt: z.string().max(1000, 'at most 1,000 characters').optional(),
    tags: z.array(tagName, 'expected an array of tag names').optional(),
    creatorId: z.string('expected a member id').min(1).optional(),
    // An image's stored edit (lib/media/image-edit.ts); null clears the focal point or the crop.
    focalPoint: z
      .object(
        { x: fraction, y: fraction },
        'expected {x, y} as fractions of the image (0 is the left or top edge, 1 the right or bottom), or null',
      )
      .strict()
      .nullable()
      .optional(),
    crop: z
      .object(
        { x: pixel(0), y: pixel(0), w: pixel(1), h: pixel(1) },
        'expected {x, y, w, h} in pixels of the original image, or null',
      )
      .strict()
      .nullable()
      .optional(),
    rotate: z
      .number('expected degrees clockwise: 0, 90, 180 or 270')
      .int('expected degrees clockwise: 0, 90, 180 or 270')
      .refine((n) => n % 90 === 0, 'expected a multiple of 90 degrees (0, 90, 180 or 270)')
      .transform((n) => (((n % 360) + 360) % 360) as 0 | 90 | 180 | 270)
      .optional(),
    flip: z.enum(IMAGE_FLIPS, 'expected none, h, v or hv').optional(),
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
