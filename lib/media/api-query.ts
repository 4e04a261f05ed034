import { z } from 'zod';
import { queryFlag } from '@/lib/http/query-flag';

const limit = z.coerce
  .number('limit must be a number')
  .int('limit must be a whole number')
  .min(1, 'limit must be 1–100')
  .max(100, 'limit must be 1–100')
  .default(10);
const flag = (name: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const parsed = queryFlag(v);
      if (parsed === null) ctx.addIssue({ code: 'custom', message: `${name} must be true or false` });
      return parsed ?? false;
    });

/** `GET /api/v1/media` (microCMS): limit 1–100, offset, imageOnly. */
export const mediaListV1Query = z.object({
  limit,
  offset: z.coerce.number('offset must be a number').int('offset must be a whole number').min(0, 'offset must be 0 or more').default(0),
  imageOnly: flag('imageOnly'),
});

/** `GET /api/v2/media` (microCMS): limit, imageOnly, fileName, alt, tags (comma-separated, all required), token. */
export const mediaListV2Query = z.object({
  limit,
  imageOnly: flag('imageOnly'),
  fileName: z.string().max(200, 'fileName: at most 200 characters').optional(),
  alt: z.string().max(1000, 'alt: at most 1,000 characters').optional(),
  tags: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((t) => t.trim()).filter(Boolean) : undefined)),
  token: z.string().max(200).optional(),
});
