'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/auth/authed-action';

/** A refusal as the form shows it: a message per field it has, and the rest in the dialog's error box. */
type Shown = { error: string | null; fieldErrors: Record<string, string> };

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Sends a form through its server action: pending while it runs, the server's messages
 * beside the fields named in `fields` (others in the error box), and a refresh of the page's data
 * before `onDone` gets the answer.
 */
export function useActionForm<I, T>(
  action: (input: I) => Promise<ActionResult<T>>,
  fields: string[],
  onDone: (data: T) => void,
) {
  const router = useRouter();
  const errorId = useId();
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useState<Shown>({ error: null, fieldErrors: {} });

  const submit = (input: I) =>
    startTransition(async () => {
      const result = await action(input);
      if (!result.ok) {
        const fieldErrors = Object.fromEntries(
          Object.entries(result.fieldErrors ?? {})
            .filter(([k]) => fields.includes(k))
            .map(([k, m]) => [k, upperFirst(m)]),
        );
        const elsewhere = Object.keys(result.fieldErrors ?? {}).some((k) => !fields.includes(k));
        return setShown({
          error: Object.keys(fieldErrors).length > 0 && !elsewhere ? null : result.error,
          fieldErrors,
        });
      }
      setShown({ error: null, fieldErrors: {} });
      router.refresh();
      onDone(result.data);
    });

  const setError = (error: string | null) => setShown({ error, fieldErrors: {} });
  /** For a wrapper's `onChange`: once the person edits, the old refusal no longer describes the form. */
  const edited = () => {
    if (shown.error || Object.keys(shown.fieldErrors).length > 0) setShown({ error: null, fieldErrors: {} });
  };
  return { pending, errorId, error: shown.error, fieldErrors: shown.fieldErrors, setError, submit, edited };
}
