'use client';

import { useId, useRef, useState } from 'react';
import { renameTagAction } from '@/app/(admin)/media/actions';
import { EditDialog } from '@/components/ui/edit-dialog';
import { FieldError } from '@/components/ui/field-error';
import { inputClass } from '@/components/ui/input-class';
import { useActionForm } from '@/components/ui/use-action-form';
import type { TagRow } from '@/lib/tags/list-tags';

type Props = { tag: TagRow; onCancel: () => void; onRenamed: (tag: TagRow) => void };

/** Renames a tag on every media that holds it; a name another tag has is refused and shown here. */
export function RenameTagDialog({ tag, onCancel, onRenamed }: Props) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(tag.name);
  const form = useActionForm(renameTagAction, ['name'], onRenamed);

  return (
    <EditDialog
      title="Rename tag"
      errorId={form.errorId}
      error={form.error}
      pending={form.pending}
      initialFocus={input}
      onSubmit={() => form.submit({ id: tag.id, name })}
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
          {...form.describe('name')}
          className={`mt-1 ${inputClass}`}
        />
        <FieldError id={form.fieldErrorId('name')} message={form.fieldErrors.name} />
      </div>
    </EditDialog>
  );
}
