import { z } from 'zod';
import { s3Fields } from '@/lib/storage/schemas';

/** Media settings → Storage: where new uploads go, local disk or a bucket with its fields. */
export const storageChoice = z.discriminatedUnion(
  'target',
  [z.object({ target: z.literal('local') }), s3Fields.extend({ target: z.literal('s3') })],
  {
    error: 'local or s3',
  },
);
