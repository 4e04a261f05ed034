'use client';

import { useState } from 'react';

/**
 * A small pencil button beside a value in the detail panel, named by `label` (e.g. "Rename"), that
 * mounts its dialog while open. The dialog gets `close`; it is unmounted (and so reset) when closed.
 */
export function PencilEditor({ label, children }: { label: string; children: (close: () => void) => React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-label={label}
        title={label}
        onClick={() => setOpen(true)}
        className="shrink-0 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-3.5 w-3.5">
          <path
            d={
              'M13.6 2.6a2 2 0 0 1 2.8 0l1 1a2 2 0 0 1 0 2.8l-9.5 9.5a2 2 0 0 ' +
              '1-.9.5l-3.6 1a.6.6 0 0 1-.8-.8l1-3.6a2 2 0 0 1 .5-.9l9.5-9.5Z'
            }
          />
        </svg>
      </button>
      {open && children(() => setOpen(false))}
    </>
  );
}
