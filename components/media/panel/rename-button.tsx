'use client';

import { useRef, useState } from 'react';
import { editMediaAction } from '@/app/(admin)/media/actions';
import { EditDialog } from '@/components/ui/edit-dialog';
import { FieldError } from '@/components/ui/field-error';
import { inputClass } from '@/components/ui/input-class';
import { useActionForm } from '@/components/ui/use-action-form';
import type { MediaChanges } from '@/lib/media/schemas';
import { PencilEditor } from './pencil-editor';

/** The pencil beside the file name: a new name, same id; the old URL stops working. */
export function RenameButton({ id, fileName }: { id: string; fileName: string }) {
  return (
    <PencilEditor label="Rename">{(close) => <RenameDialog id={id} fileName={fileName} close={close} />}</PencilEditor>
  );
}

function RenameDialog({ id, fileName, close }: { id: string; fileName: string; close: () => void }) {
  const form = useActionForm((changes: MediaChanges) => editMediaAction({ id, changes }), ['fileName'], close);
  const { errorId } = form;
  const [name, setName] = useState(fileName);
  const input = useRef<HTMLInputElement>(null);
  const selected = useRef(false);

  return (
    <EditDialog
      title="Rename file"
      errorId={errorId}
      error={form.error}
      pending={form.pending}
      initialFocus={input}
      onCancel={close}
      onSubmit={() => {
        if (!name.trim()) return form.setError('Give the file a name');
        if (name.trim() === fileName) return close();
        form.submit({ fileName: name });
      }}
    >
      <div className="space-y-1">
        <label htmlFor={`${errorId}-name`} className="block text-sm font-medium">
          File name
        </label>
        <input
          ref={input}
          id={`${errorId}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          // On opening, select the name without its extension: the part one usually retypes.
          onFocus={(e) => {
            if (selected.current) return;
            selected.current = true;
            const dot = fileName.lastIndexOf('.');
            e.currentTarget.setSelectionRange(0, dot > 0 ? dot : fileName.length);
          }}
          {...form.describe('fileName', `${errorId}-hint`)}
          autoComplete="off"
          spellCheck={false}
          className={inputClass}
        />
        <FieldError id={form.fieldErrorId('fileName')} message={form.fieldErrors.fileName} />
        <p id={`${errorId}-hint`} className="text-xs text-slate-500">
          The URL changes with the name and the old one stops working; links in rich-editor content are updated.
        </p>
      </div>
    </EditDialog>
  );
}
