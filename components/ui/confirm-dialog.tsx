'use client';

import { useId, useRef } from 'react';
import { ModalDialog } from './modal-dialog';

type Props = {
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  pending?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
};

/** "Are you sure?" as a modal: confirm with `confirmLabel` (e.g. Delete), dismiss with Cancel or Escape. */
export function ConfirmDialog({ title, children, confirmLabel, pending, error, onConfirm, onCancel }: Props) {
  const titleId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog labelledBy={titleId} onClose={onCancel} initialFocus={cancel} size="narrow">
      <div className="space-y-3 p-5">
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        <div className="text-sm text-slate-700">{children}</div>
        <p role="alert" className="text-sm text-red-600 empty:hidden">
          {error}
        </p>
        <div className="flex justify-end gap-2 pt-2">
          <button
            ref={cancel}
            type="button"
            onClick={onCancel}
            className="rounded-md border border-slate-300 px-4 py-1.5 text-sm hover:bg-slate-50"
          >
            Cancel
          </button>
          <button
            type="button"
            onClick={onConfirm}
            disabled={pending}
            className={
              'rounded-md bg-red-600 px-4 py-1.5 text-sm font-medium ' +
              'text-white hover:bg-red-500 disabled:opacity-60'
            }
          >
            {pending ? 'Working…' : confirmLabel}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
