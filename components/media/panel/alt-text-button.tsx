'use client';

import { useRef, useState } from 'react';
import { EditDialog } from '@/components/ui/edit-dialog';
import { inputClass } from '@/components/ui/input-class';
import { PencilEditor } from './pencil-editor';
import { useEditMedia } from './use-edit-media';

const MAX_ALT = 1000;

/** The pencil beside an image's alt text: up to 1,000 characters; empty removes it. */
export function AltTextButton({ id, alt }: { id: string; alt: string }) {
  return (
    <PencilEditor label="Edit alt text">{(close) => <AltTextDialog id={id} alt={alt} close={close} />}</PencilEditor>
  );
}

function AltTextDialog({ id, alt, close }: { id: string; alt: string; close: () => void }) {
  const { pending, error, errorId, save } = useEditMedia(id, close);
  const [value, setValue] = useState(alt);
  const input = useRef<HTMLTextAreaElement>(null);

  return (
    <EditDialog
      title="Alt text"
      errorId={errorId}
      error={error}
      pending={pending}
      initialFocus={input}
      onCancel={close}
      onSubmit={() => save({ alt: value.trim() })}
    >
      <div className="space-y-1">
        <label htmlFor={`${errorId}-alt`} className="block text-sm font-medium">
          Alt text
        </label>
        <textarea
          ref={input}
          id={`${errorId}-alt`}
          value={value}
          maxLength={MAX_ALT}
          rows={4}
          onChange={(e) => setValue(e.target.value)}
          // Alt text is one description, not paragraphs: Enter saves, as in the other dialogs.
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }}
          aria-describedby={`${errorId}-count ${errorId}`}
          aria-invalid={error ? true : undefined}
          className={`${inputClass} resize-y`}
        />
        <p id={`${errorId}-count`} className="text-right text-xs text-slate-500">
          {value.length.toLocaleString('en-US')} / {MAX_ALT.toLocaleString('en-US')} characters
        </p>
      </div>
    </EditDialog>
  );
}
