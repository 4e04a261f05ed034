'use client';

import { useId } from 'react';
import { ModalDialog } from '@/components/ui/modal-dialog';

type Props = {
  title: string;
  /** The id of the error box, for the fields' `aria-describedby`. */
  errorId: string;
  error: string | null;
  pending: boolean;
  /** Also keeps the submit button disabled, e.g. while choices load. */
  blocked?: boolean;
  submitLabel?: string;
  /** `wide` for an editor that needs the room (the image editor); narrow by default. */
  size?: 'wide' | 'narrow';
  initialFocus: React.RefObject<HTMLElement | null>;
  onSubmit: () => void;
  onCancel: () => void;
  children: React.ReactNode;
};

/** The panel's edit dialogs: a form (Enter submits) with its fields, an error box and Save / Cancel. */
export function EditDialog({
  title,
  errorId,
  error,
  pending,
  blocked,
  submitLabel = 'Save',
  size = 'narrow',
  initialFocus,
  onSubmit,
  onCancel,
  children,
}: Props) {
  const titleId = useId();
  return (
    <ModalDialog labelledBy={titleId} onClose={onCancel} initialFocus={initialFocus} size={size}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // React carries events up through the portal: a dialog opened inside a form (the content editor's alt
          // prompt) must not submit that form too.
          e.stopPropagation();
          if (!pending && !blocked) onSubmit();
        }}
        className="space-y-3 p-5"
      >
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        {children}
        <p id={errorId} role="alert" className="text-sm text-red-600 empty:hidden">
          {error}
        </p>
        <div className="flex justify-end gap-2 pt-2">
          <button
            type="button"
            onClick={onCancel}
            className="rounded-md border border-slate-300 px-4 py-1.5 text-sm hover:bg-slate-50"
          >
            Cancel
          </button>
          <button
            type="submit"
            disabled={pending || blocked}
            className={
              'rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium ' +
              'text-white hover:bg-indigo-500 disabled:opacity-60'
            }
          >
            {submitLabel}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
