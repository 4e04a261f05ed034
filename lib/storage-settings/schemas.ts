import { z } from 'zod';
import { parseAtRoot } from '@/lib/parse-at-root';
import { s3Fields } from '@/lib/storage/schemas';

/** Media settings → Storage: where new uploads go, local disk or a bucket with its fields. */
export const storageChoice = z.discriminatedUnion(
  'target',
  [z.object({ target: z.literal('local') }), s3Fields.extend({ target: z.literal('s3') })],
  {
    error: 'local or s3',
  },
);

/** The connection test's input: `'env'` for KURA_S3_*, else the S3 fields, refused as `s3Fields` refuses them. */
export const connectionTestInput = z
  .unknown()
  .transform((input, ctx) => (input === 'env' ? ('env' as const) : parseAtRoot(s3Fields, input, ctx)));
