'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useId, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/auth/authed-action';

/** A refusal as the form shows it: a message per field it has, and the rest in the dialog's error box. */
type Shown = { error: string | null; fieldErrors: Record<string, string> };

type Options = {
  /** The form field a server path belongs to; by default its first segment (`tags.0` → `tags`). */
  fieldOf?: (path: string) => string;
  /** `false` when `onDone` itself refreshes or navigates. */
  refresh?: boolean;
  /** The error box keeps the server's message even when each field shows its own (a long form, fields out of sight). */
  keepError?: boolean;
};

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const firstSegment = (path: string) => path.split('.')[0];

/**
 * Sends a form through its server action: pending while it runs, the server's messages
 * beside the fields named in `fields` (others in the error box), and a refresh of the page's data
 * before `onDone` gets the answer (unless `refresh: false`).
 */
export function useActionForm<I, T>(
  action: (input: I) => Promise<ActionResult<T>>,
  fields: string[],
  onDone: (data: T) => void,
  { fieldOf = firstSegment, refresh = true, keepError = false }: Options = {},
) {
  const router = useRouter();
  const errorId = useId();
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useState<Shown>({ error: null, fieldErrors: {} });

  const submit = (input: I) =>
    startTransition(async () => {
      const result = await action(input);
      if (!result.ok) {
        const fieldErrors: Record<string, string> = {};
        let elsewhere = false;
        for (const [path, message] of Object.entries(result.fieldErrors ?? {})) {
          const field = fieldOf(path);
          if (fields.includes(field)) fieldErrors[field] ??= upperFirst(message);
          else elsewhere = true;
        }
        return setShown({
          error: Object.keys(fieldErrors).length > 0 && !elsewhere && !keepError ? null : result.error,
          fieldErrors,
        });
      }
      setShown({ error: null, fieldErrors: {} });
      if (refresh) router.refresh();
      onDone(result.data);
    });

  // Stable, so an effect that reports a failed load may depend on it.
  const setError = useCallback((error: string | null) => setShown({ error, fieldErrors: {} }), []);
  /** For a wrapper's `onChange`: once the person edits, the old refusal no longer describes the form. */
  const edited = () => {
    if (shown.error || Object.keys(shown.fieldErrors).length > 0) setShown({ error: null, fieldErrors: {} });
  };
  /** The id of a field's own message (see `FieldError`). */
  const fieldErrorId = (field: string) => `${errorId}-${field}-error`;
  /** An input's aria wiring: invalid while its field has a message, described by it, its `hints` and the error box. */
  const describe = (field: string, ...hints: string[]) => ({
    'aria-invalid': shown.fieldErrors[field] ? true : undefined,
    'aria-describedby': [shown.fieldErrors[field] ? fieldErrorId(field) : '', ...hints, errorId]
      .filter(Boolean)
      .join(' '),
  });
  return {
    pending,
    errorId,
    error: shown.error,
    fieldErrors: shown.fieldErrors,
    setError,
    submit,
    edited,
    fieldErrorId,
    describe,
  };
}

/** What a dialog reads of the hook (all but `submit`) when another component sends its form. */
export type ActionFormView = Omit<ReturnType<typeof useActionForm>, 'submit'>;
