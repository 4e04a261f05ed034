import { z } from 'zod';

/**
 * Parses `value` with `schema` inside another schema's transform and reports its issues at their own paths,
 * not under the outer key: an action taking `{ id, changes }` then refuses with the domain's own message
 * (`fileName: give the file a name`, not `changes.fileName: …`) and a field error keyed `fileName`.
 */
export function parseAtRoot<S extends z.ZodType>(schema: S, value: unknown, ctx: z.RefinementCtx): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
}
