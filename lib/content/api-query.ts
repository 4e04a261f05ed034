import { z } from 'zod';

/** `GET /api/v1/{api}` query: microCMS's limit (1–100, default 10) and offset. */
export const contentListQuery = z.object({
  limit: z.coerce
    .number('must be a number')
    .int('must be a whole number')
    .min(1, 'must be 1–100')
    .max(100, 'must be 1–100')
    .default(10),
  offset: z.coerce.number('must be a number').int('must be a whole number').min(0, 'must be 0 or more').default(0),
});
