'use client';

import { useId, useRef, useState, useTransition } from 'react';
import { renameTagAction } from '@/app/(admin)/media/actions';
import { EditDialog } from '@/components/ui/edit-dialog';
import { inputClass } from '@/components/ui/input-class';
import type { TagRow } from '@/lib/tags/list-tags';

type Props = { tag: TagRow; onCancel: () => void; onRenamed: (tag: TagRow) => void };

/** Renames a tag on every media that holds it; a name another tag has is refused and shown here. */
export function RenameTagDialog({ tag, onCancel, onRenamed }: Props) {
  const inputId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(tag.name);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit() {
    startTransition(async () => {
      const result = await renameTagAction({ id: tag.id, name });
      if (!result.ok) return setError(result.fieldErrors?.name ?? result.error);
      onRenamed(result.data);
    });
  }

  return (
    <EditDialog
      title="Rename tag"
      errorId={errorId}
      error={error}
      pending={pending}
      initialFocus={input}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <p className="text-sm text-slate-600">
        {`“${tag.name}” is on ${tag.uses} media; ` + `they keep it under the new name.`}
      </p>
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
          className={`mt-1 ${inputClass}`}
        />
      </div>
    </EditDialog>
  );
}
