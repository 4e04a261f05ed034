'use client';

import { useState, useTransition } from 'react';
import { testStorageAction } from '@/app/(admin)/media/settings/storage/actions';

type Outcome = { ok: boolean; message: string };

/** "Test connection": writes, reads and deletes a probe object and says which step failed and why. */
// Not on useActionForm: a probe saves nothing (no refresh), and its answer, refusal or not, is one status line.
export function ConnectionTest({ input }: { input: 'env' | (() => unknown) }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      setOutcome(null);
      const result = await testStorageAction(input === 'env' ? 'env' : input());
      setOutcome(
        result.ok ? { ok: result.data.ok, message: result.data.message } : { ok: false, message: result.error },
      );
    });
  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={run}
        disabled={pending}
        className={
          'rounded-md border border-slate-300 bg-white px-4 py-1.5 text-sm ' +
          'font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50'
        }
      >
        {pending ? 'Testing…' : 'Test connection'}
      </button>
      <div role="status" aria-label="Connection test result" className="text-sm">
        {outcome && (
          <p
            className={
              `rounded-md border px-3 py-2 ` +
              (outcome.ok
                ? 'border-emerald-200 bg-emerald-50 text-emerald-900'
                : 'border-red-200 bg-red-50 text-red-800')
            }
          >
            {outcome.message}
          </p>
        )}
      </div>
    </div>
  );
}
