import 'server-only';
import { z } from 'zod';
import { describeError } from '@/lib/errors';
import type { Actor } from './actor';
import { requireMember } from './session';

/** What every server action returns: the data, or a message (and per-field messages) to show. */
export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/**
 * The one wrapper of server actions: resolves the logged-in member, parses the input, runs the domain
 * function and turns any error into `{ ok: false }` (never a thrown 500 page, never a secret).
 */
export function authedAction<S extends z.ZodType, T>(
  schema: S,
  fn: (data: z.infer<S>, actor: Actor) => T | Promise<T>,
) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const actor = await requireMember();
      const parsed = schema.safeParse(input);
      if (!parsed.success) return { ok: false, ...describeFields(parsed.error) };
      return { ok: true, data: await fn(parsed.data, actor) };
    } catch (err) {
      return { ok: false, error: describeError(err).message };
    }
  };
}

/**
 * The same for an action anyone may call, logged in or not (an invite link's page): no session is needed, and the
 * domain function decides what the input may do (the invite's token is its permission).
 */
export function publicAction<S extends z.ZodType, T>(schema: S, fn: (data: z.infer<S>) => T | Promise<T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const parsed = schema.safeParse(input);
      if (!parsed.success) return { ok: false, ...describeFields(parsed.error) };
      return { ok: true, data: await fn(parsed.data) };
    } catch (err) {
      return { ok: false, error: describeError(err).message };
    }
  };
}

function describeFields(error: z.ZodError): { error: string; fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[issue.path.join('.') || '_'] ??= issue.message;
  return { error: describeError(error).message, fieldErrors };
}
