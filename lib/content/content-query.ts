import { z } from 'zod';

/** A comma-separated list (`fields`, `ids`, `orders`): its trimmed, non-empty names. */
const commaList = (max: number) =>
  z
    .string()
    .max(max, `at most ${max.toLocaleString('en')} characters`)
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    );

/** microCMS's query parameters that Kura accepts but has nothing to apply to (no reference fields, no drafts). */
const ignored = {
  depth: z.coerce.number('must be a number').int('must be a whole number').min(0, 'must be 0–3').max(3, 'must be 0–3'),
  draftKey: z.string(),
};

const richEditorFormat = z
  .string()
  .refine((format) => format === 'html', 'Kura answers rich-editor fields as HTML only: use richEditorFormat=html');

/** `GET /api/v1/{api}/{id}` (and an object API's `GET /api/v1/{api}`) query. */
export const contentItemQuery = z.object({
  fields: commaList(2_000).optional(),
  depth: ignored.depth.optional(),
  draftKey: ignored.draftKey.optional(),
  richEditorFormat: richEditorFormat.optional(),
});

/**
 * `GET /api/v1/{api}` query, microCMS's parameters: limit 0–100 (0 answers only `totalCount`), offset, orders,
 * q, fields, ids, filters. Names and filters are read against the API's fields by `findContents`.
 */
export const contentListQuery = contentItemQuery.extend({
  limit: z.coerce
    .number('must be a number')
    .int('must be a whole number')
    .min(0, 'must be 0–100')
    .max(100, 'must be 0–100')
    .default(10),
  offset: z.coerce
    .number('must be a number')
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(1_000_000_000, 'must be at most 1,000,000,000')
    .default(0),
  orders: commaList(500).optional(),
  q: z.string().trim().max(200, 'at most 200 characters').optional(),
  ids: commaList(10_000).optional(),
  filters: z.string().max(10_000, 'at most 10,000 characters').optional(),
});

export type ContentListQuery = z.infer<typeof contentListQuery>;
export type ContentItemQuery = z.infer<typeof contentItemQuery>;
