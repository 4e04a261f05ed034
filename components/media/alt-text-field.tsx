'use client';

import type { ReactNode, RefObject } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { inputClass } from '@/components/ui/input-class';
import type { ActionFormView } from '@/components/ui/use-action-form';

/** The longest alt text the media schema takes (lib/media/schemas.ts). */
export const MAX_ALT = 1000;

type Props = {
  form: ActionFormView;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  value: string;
  onChange: (value: string) => void;
  rows: number;
  /** The line under the field (a hint or a count), described by the field. */
  note: ReactNode;
  noteClassName: string;
};

/**
 * An image's alt text, as the panel's dialog and the rich editor's prompt both ask for it. Alt text is one
 * description, not paragraphs: Enter saves (Shift+Enter and an IME's Enter do not), as in the other dialogs.
 */
export function AltTextField({ form, inputRef, value, onChange, rows, note, noteClassName }: Props) {
  const id = `${form.errorId}-alt`;
  const noteId = `${form.errorId}-alt-note`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        Alt text
      </label>
      <textarea
        ref={inputRef}
        id={id}
        value={value}
        maxLength={MAX_ALT}
        rows={rows}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
          e.preventDefault();
          e.currentTarget.form?.requestSubmit();
        }}
        {...form.describe('alt', noteId)}
        className={`${inputClass} resize-y`}
      />
      <FieldError id={form.fieldErrorId('alt')} message={form.fieldErrors.alt} />
      <p id={noteId} className={noteClassName}>
        {note}
      </p>
    </div>
  );
}
