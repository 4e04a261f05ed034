'use client';

import { useRef, useState } from 'react';
import { editMediaAction } from '@/app/(admin)/media/actions';
import { EditDialog } from '@/components/ui/edit-dialog';
import { FieldError } from '@/components/ui/field-error';
import { inputClass } from '@/components/ui/input-class';
import { useActionForm } from '@/components/ui/use-action-form';
import type { MediaChanges } from '@/lib/media/schemas';
import { PencilEditor } from './pencil-editor';

const MAX_ALT = 1000;

/** The pencil beside an image's alt text: up to 1,000 characters; empty removes it. */
export function AltTextButton({ id, alt }: { id: string; alt: string }) {
  return (
    <PencilEditor label="Edit alt text">{(close) => <AltTextDialog id={id} alt={alt} close={close} />}</PencilEditor>
  );
}

function AltTextDialog({ id, alt, close }: { id: string; alt: string; close: () => void }) {
  const form = useActionForm((changes: MediaChanges) => editMediaAction({ id, changes }), ['alt'], close);
  const { errorId } = form;
  const [value, setValue] = useState(alt);
  const input = useRef<HTMLTextAreaElement>(null);

  return (
    <EditDialog
      title="Alt text"
      errorId={errorId}
      error={form.error}
      pending={form.pending}
      initialFocus={input}
      onCancel={close}
      onSubmit={() => form.submit({ alt: value.trim() })}
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
          {...form.describe('alt', `${errorId}-count`)}
          className={`${inputClass} resize-y`}
        />
        <FieldError id={form.fieldErrorId('alt')} message={form.fieldErrors.alt} />
        <p id={`${errorId}-count`} className="text-right text-xs text-slate-500">
          {value.length.toLocaleString('en-US')} / {MAX_ALT.toLocaleString('en-US')} characters
        </p>
      </div>
    </EditDialog>
  );
}
