import type { ReactNode } from 'react';
import { UploadProgress } from './upload-progress';
import type { useMediaUpload } from './use-media-upload';
import type { useFileDrop } from '@/components/media/use-file-drop';

/** The parts every media field shares: label, hint, the live error box, and the drop overlay. */
export function FieldLabel({ id, label, hint }: { id: string; label: string; hint?: string }) {
  return (
    <div className="space-y-0.5">
      <span id={`${id}-label`} className="block text-sm font-medium text-slate-700">
        {label}
      </span>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message?: string | null }) {
  return (
    <p id={`${id}-error`} aria-live="polite" className="min-h-5 text-sm text-red-600">
      {message}
    </p>
  );
}

export function DropOverlay({ text }: { text: string }) {
  return (
    <div
      className={
        'pointer-events-none absolute inset-0 z-10 flex items-center justify-center rounded-lg ' +
        'border-2 border-dashed border-indigo-400 bg-indigo-50/90 text-sm font-medium text-indigo-700'
      }
    >
      {text}
    </div>
  );
}

/** `aria-describedby` of a field: its hint when there is one, and always its error box. */
export const describedBy = (id: string, hint?: string) => (hint ? `${id}-hint ${id}-error` : `${id}-error`);

export const secondaryButton =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium ' +
  'text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50';

/**
 * A media field's frame: the group (labelled by its label, described by its hint and error box, taking files dropped
 * on it), the box holding `children` with the drop overlay over it while files are dragged in, the upload's progress,
 * the error box, then `dialog`. `box` lays out the box and says its border.
 */
export function MediaFieldFrame({
  id,
  label,
  hint,
  drop,
  dropText,
  box,
  uploader,
  message,
  dialog,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  drop: ReturnType<typeof useFileDrop>;
  dropText: string;
  box: string;
  uploader: ReturnType<typeof useMediaUpload>;
  message?: string | null;
  dialog: ReactNode;
  children: ReactNode;
}) {
  return (
    <div
      data-testid={`field-${id}`}
      role="group"
      aria-labelledby={`${id}-label`}
      aria-describedby={describedBy(id, hint)}
      className="space-y-1.5"
      {...drop.handlers}
    >
      <FieldLabel id={id} label={label} hint={hint} />
      <div className={`relative rounded-lg border bg-white p-3 ${box}`}>
        {children}
        {drop.dragging && <DropOverlay text={dropText} />}
      </div>
      {uploader.progress && <UploadProgress progress={uploader.progress} onStop={uploader.cancel} />}
      <FieldError id={id} message={message} />
      {dialog}
    </div>
  );
}
