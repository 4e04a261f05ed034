// The building blocks of the environment's schema (lib/config.ts): each rule carries, as its description, the
// words of what it accepts, so a refused value is reported as "the variable, what is wrong, what is accepted".
import { z } from 'zod';

/** A whole number from `min` (to `max`), `fallback` when unset. */
export const wholeNumber = (min: number, max: number | null, fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(min)
    .max(max ?? Number.MAX_SAFE_INTEGER)
    .default(fallback)
    .describe(`a whole number ${max === null ? `of at least ${min}` : `from ${min} to ${max}`} (default ${fallback})`);

/** A number of days from `min` to `max`, fractions allowed, `fallback` when unset. */
export const days = (min: number, max: number, fallback: number) =>
  z.coerce.number().min(min).max(max).default(fallback).describe(`a number of days from ${min} to ${max}`);

/** `1`/`true` or `0`/`false`; unset is off. */
export const onOff = () =>
  z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true')
    .describe('1 or 0 (true or false)');

/** A text of at least `min` characters (a secret, a key, a name). */
export const text = (min: number, what = `at least ${min} character${min === 1 ? '' : 's'}`) =>
  z.string().min(min).optional().describe(what);

/** An http(s) URL. */
export const httpUrl = () =>
  z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('an http:// or https:// URL');

/** A postgres:// URL. */
export const postgresUrl = () =>
  z
    .url({ protocol: /^postgres(ql)?$/ })
    .optional()
    .describe('a postgres:// URL such as postgres://user:password@host:5432/database');

const s = (n: unknown) => (n === 1 ? '' : 's');

/** What is wrong with a value, in a few words (never the value itself: it may be a secret). */
function whatIsWrong(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'not a whole number';
      return issue.expected === 'number' ? 'not a number' : 'not valid';
    case 'too_small':
      return issue.origin === 'string'
        ? `too short (fewer than ${issue.minimum} character${s(issue.minimum)})`
        : `too small (under ${issue.minimum})`;
    case 'too_big':
      return issue.origin === 'string' ? `too long` : `too large (over ${issue.maximum})`;
    case 'invalid_format':
      return issue.format === 'url' ? 'not a URL of the accepted kind' : 'not in the accepted form';
    case 'invalid_value':
      return 'not one of the accepted values';
    default:
      return issue.message;
  }
}

/**
 * One line per refused variable, `NAME: what is wrong; accepted: …`, from a failed parse of `schema` (whose
 * fields describe what they accept). A refinement's own message stands as it is.
 */
export function configProblems(schema: z.ZodObject, error: z.ZodError): string[] {
  const seen = new Set<string>();
  return error.issues.flatMap((issue) => {
    const name = String(issue.path[0] ?? '');
    if (seen.has(name)) return [];
    seen.add(name);
    if (issue.code === 'custom') return [`${name}: ${issue.message}`];
    const accepted = schema.shape[name]?.description;
    return [`${name}: ${whatIsWrong(issue)}${accepted ? `; accepted: ${accepted}` : ''}`];
  });
}
