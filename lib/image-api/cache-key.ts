import type { TransformOps } from './plan';

/** Bump when the meaning of a plan field changes, so old variants stop matching. */
const KEY_VERSION = 'v1';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** JSON with object keys sorted at every level: one spelling per value. */
function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const object = value as { readonly [key: string]: Json };
  const fields = Object.keys(object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key] ?? null)}`);
  return `{${fields.join(',')}}`;
}

/**
 * Fields added after the first tier: left out of the key while null, so the key (and the variant bound's row)
 * of every URL that does not use them stays what it was.
 */
const OPTIONAL_FIELDS: readonly (keyof TransformOps)[] = [
  'adjust',
  'trim',
  'frame',
  'animation',
  'text',
  'mark',
  'edit',
];

/** The variant key of a normalised plan: two queries share it exactly when their plans are equal. */
export function cacheKeyOf(ops: TransformOps): string {
  const fields: Record<string, unknown> = { ...ops };
  for (const field of OPTIONAL_FIELDS) if (fields[field] === null) delete fields[field];
  return `${KEY_VERSION}:${canonicalJson(fields as unknown as Json)}`;
}
