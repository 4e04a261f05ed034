'use client';

import { useId, useRef } from 'react';
import { CopyButton } from '@/components/media/copy-button';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { inputClass } from '@/components/ui/input-class';

type Props = {
  title: string;
  /** The read-only field's label ("API key", "Invite link"). */
  label: string;
  value: string;
  copyLabel: string;
  /** Why it will not be shown again, and what to do with it. */
  hint: React.ReactNode;
  onClose: () => void;
};

/** The one time a secret (a new API key, an invite link) is shown: a read-only field to copy it from. */
export function ShownOnceDialog({ title, label, value, copyLabel, hint, onClose }: Props) {
  const titleId = useId();
  const fieldId = useId();
  const hintId = useId();
  const field = useRef<HTMLInputElement>(null);
  return (
    <ModalDialog labelledBy={titleId} onClose={onClose} initialFocus={field} size="narrow">
      <div className="space-y-3 p-5">
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        <div>
          <label htmlFor={fieldId} className="block text-sm font-medium text-slate-700">
            {label}
          </label>
          <div className="mt-1 flex gap-2">
            <input
              ref={field}
              id={fieldId}
              readOnly
              value={value}
              onFocus={(e) => e.currentTarget.select()}
              aria-describedby={hintId}
              className={`${inputClass} font-mono`}
            />
            <CopyButton value={value} label={copyLabel} />
          </div>
          <p id={hintId} className="mt-2 text-sm text-amber-800">
            {hint}
          </p>
        </div>
        <div className="flex justify-end pt-2">
          <button
            type="button"
            onClick={onClose}
            className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
          >
            Done
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
