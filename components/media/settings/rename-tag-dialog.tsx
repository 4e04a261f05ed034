'use client';

import { useId, useRef, useState, useTransition } from 'react';
import { renameTagAction } from '@/app/(admin)/media/actions';
import { ModalDialog } from '@/components/content/modal-dialog';
import type { TagRow } from '@/lib/media/manage-tags';

type Props = { tag: TagRow; onCancel: () => void; onRenamed: (tag: TagRow) => void };

/** Renames a tag on every media that holds it; a name another tag has is refused and shown here. */
export function RenameTagDialog({ tag, onCancel, onRenamed }: Props) {
  const titleId = useId();
  const inputId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(tag.name);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await renameTagAction({ id: tag.id, name });
      if (!result.ok) return setError(result.fieldErrors?.name ?? result.error);
      onRenamed(result.data);
    });
  }

  return (
    <ModalDialog labelledBy={titleId} onClose={onCancel} initialFocus={input} size="narrow">
      <form onSubmit={submit} noValidate className="space-y-3 p-5">
        <h2 id={titleId} className="text-base font-semibold">
          Rename tag
        </h2>
        <p className="text-sm text-slate-600">{`“${tag.name}” is on ${tag.uses} media; they keep it under the new name.`}</p>
        <div>
          <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
            Tag name
          </label>
          <input
            ref={input}
            id={inputId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onFocus={(e) => e.currentTarget.select()}
            maxLength={50}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={errorId}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
          />
        </div>
        <div id={errorId} aria-live="polite" className="text-sm text-red-600">
          {error && <p role="alert">{error}</p>}
        </div>
        <div className="flex justify-end gap-2 pt-2">
          <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-4 py-1.5 text-sm hover:bg-slate-50">
            Cancel
          </button>
          <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-60">
            Save
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
