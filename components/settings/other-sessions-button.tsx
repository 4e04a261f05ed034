'use client';

import { useState, useTransition } from 'react';
import { endOtherSessionsAction } from '@/app/(admin)/settings/actions';

/** Account → Log out other sessions: every other browser where this member is logged in is logged out. */
export function OtherSessionsButton() {
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const click = () =>
    startTransition(async () => {
      const result = await endOtherSessionsAction({});
      if (!result.ok) return setNotice({ ok: false, text: result.error });
      const n = result.data.ended;
      setNotice({
        ok: true,
        text: n === 0 ? 'You were not logged in anywhere else.' : `Logged out ${n} other session${n === 1 ? '' : 's'}.`,
      });
    });

  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        Logged in on another computer, or not sure? End every session but this one; a password change does the same.
      </p>
      <button
        type="button"
        onClick={click}
        disabled={pending}
        className={
          'rounded-md border border-slate-300 px-4 py-1.5 text-sm ' +
          'font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60'
        }
      >
        Log out other sessions
      </button>
      <p
        aria-live="polite"
        role={notice && !notice.ok ? 'alert' : undefined}
        className={`text-sm empty:hidden ${notice?.ok ? 'text-emerald-700' : 'text-red-600'}`}
      >
        {notice?.text}
      </p>
    </div>
  );
}
