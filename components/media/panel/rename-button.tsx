'use client';

import { useRef, useState } from 'react';
import { EditDialog } from '@/components/ui/edit-dialog';
import { inputClass } from '@/components/ui/input-class';
import { PencilEditor } from './pencil-editor';
import { useEditMedia } from './use-edit-media';

/** The pencil beside the file name: a new name, same id; the old URL stops working. */
export function RenameButton({ id, fileName }: { id: string; fileName: string }) {
  return (
    <PencilEditor label="Rename">{(close) => <RenameDialog id={id} fileName={fileName} close={close} />}</PencilEditor>
  );
}

function RenameDialog({ id, fileName, close }: { id: string; fileName: string; close: () => void }) {
  const { pending, error, setError, errorId, save } = useEditMedia(id, close);
  const [name, setName] = useState(fileName);
  const input = useRef<HTMLInputElement>(null);
  const selected = useRef(false);

  return (
    <EditDialog
      title="Rename file"
      errorId={errorId}
      error={error}
      pending={pending}
      initialFocus={input}
      onCancel={close}
      onSubmit={() => {
        if (!name.trim()) return setError('Give the file a name');
        if (name.trim() === fileName) return close();
        save({ fileName: name });
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
          aria-describedby={`${errorId}-hint ${errorId}`}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          spellCheck={false}
          className={inputClass}
        />
        <p id={`${errorId}-hint`} className="text-xs text-slate-500">
          The URL changes with the name and the old one stops working; links in rich-editor content are updated.
        </p>
      </div>
    </EditDialog>
  );
}
