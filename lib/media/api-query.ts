import { z } from 'zod';
import { queryFlag } from '@/lib/http/query-flag';

const MAX_TAG_FILTERS = 50;

const limit = z.coerce
  .number('must be a number')
  .int('must be a whole number')
  .min(1, 'must be 1–100')
  .max(100, 'must be 1–100')
  .default(10);
const flag = () =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const parsed = queryFlag(v);
      if (parsed === null) ctx.addIssue({ code: 'custom', message: 'must be true or false' });
      return parsed ?? false;
    });

/** `GET /api/v1/media` (microCMS): limit 1–100, offset, imageOnly. */
export const mediaListV1Query = z.object({
  limit,
  offset: z.coerce.number('must be a number').int('must be a whole number').min(0, 'must be 0 or more').default(0),
  imageOnly: flag(),
});

/** `GET /api/v2/media` (microCMS): limit, imageOnly, fileName, alt, tags (comma-separated, all required), token. */
export const mediaListV2Query = z.object({
  limit,
  imageOnly: flag(),
  fileName: z.string().max(200, 'at most 200 characters').optional(),
  alt: z.string().max(1000, 'at most 1,000 characters').optional(),
  tags: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? [
            ...new Set(
              v
                .split(',')
                .map((t) => t.trim())
                .filter(Boolean),
            ),
          ]
        : undefined,
    )
    // No media holds more tags than this, so a longer list could never match (and would make a huge query).
    .refine((tags) => !tags || tags.length <= MAX_TAG_FILTERS, `at most ${MAX_TAG_FILTERS} tags`),
  token: z.string().max(200).optional(),
});

/** `?permanent=true` on a delete: past Trash, for good at once. */
export const permanentFlag = flag();

/** `DELETE /api/v1/media/{id}`: only `permanent`. */
export const permanentQuery = z.object({ permanent: permanentFlag });
