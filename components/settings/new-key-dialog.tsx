'use client';

import { useId, useRef } from 'react';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { inputClass } from '@/components/ui/input-class';
import { CopyButton } from '@/components/media/copy-button';

type Props = { name: string; apiKey: string; onClose: () => void };

/** The one time a new key is shown: a read-only field to copy it from, and why it will not be shown again. */
export function NewKeyDialog({ name, apiKey, onClose }: Props) {
  const titleId = useId();
  const fieldId = useId();
  const hintId = useId();
  const field = useRef<HTMLInputElement>(null);
  return (
    <ModalDialog labelledBy={titleId} onClose={onClose} initialFocus={field} size="narrow">
      <div className="space-y-3 p-5">
        <h2 id={titleId} className="text-base font-semibold">{`API key “${name}” created`}</h2>
        <div>
          <label htmlFor={fieldId} className="block text-sm font-medium text-slate-700">
            API key
          </label>
          <div className="mt-1 flex gap-2">
            <input
              ref={field}
              id={fieldId}
              readOnly
              value={apiKey}
              onFocus={(e) => e.currentTarget.select()}
              aria-describedby={hintId}
              className={`${inputClass} font-mono`}
            />
            <CopyButton value={apiKey} label="Copy" />
          </div>
          <p id={hintId} className="mt-2 text-sm text-amber-800">
            Copy it now: Kura keeps only a hash of the key and cannot show it again. Send it as{' '}
            <code>X-MICROCMS-API-KEY</code> or <code>Authorization: Bearer</code>.
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
