import { KuraError } from '@/lib/errors';
import { parseImageParams } from '@/lib/image-api/parse-params';
import type { TransformPlan } from '@/lib/image-api/plan';

/** An Image API query string parsed as delivery parses it (no Accept). */
export const parse = (query: string) => parseImageParams(new URLSearchParams(query));

/** The plan of a query that must transform. */
export function transform(query: string): TransformPlan {
  const plan = parse(query);
  if (!plan.transforms) throw new Error(`expected "${query}" to be a transform`);
  return plan;
}

/** The message of the 400 a query must be refused with. */
export function messageOf(query: string): string {
  try {
    parse(query);
  } catch (err) {
    if (err instanceof KuraError && err.status === 400) return err.message;
    throw err;
  }
  throw new Error(`expected "${query}" to be refused`);
}
