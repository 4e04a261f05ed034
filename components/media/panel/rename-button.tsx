'use client';

import { useRef, useState } from 'react';
import { ConfirmBox } from '@/components/ui/confirm-box';
import { EditDialog } from '@/components/ui/edit-dialog';
import { FieldError } from '@/components/ui/field-error';
import { inputClass } from '@/components/ui/input-class';
import { extensionOf, renamedFileName } from '@/lib/media/file-name';
import { PencilEditor } from './pencil-editor';
import { useMediaEdit } from './use-media-edit';

type Props = { id: string; fileName: string; url: string; mimeType: string };

/** The pencil beside the file name: a new name, same id; the old URL stops working. */
export function RenameButton(props: Props) {
  return <PencilEditor label="Rename">{(close) => <RenameDialog {...props} close={close} />}</PencilEditor>;
}

/** The delivery URL with its last segment (the file name) replaced. */
const urlNamed = (url: string, name: string) => `${url.slice(0, url.lastIndexOf('/') + 1)}${encodeURIComponent(name)}`;

function RenameDialog({ id, fileName, url, mimeType, close }: Props & { close: () => void }) {
  const form = useMediaEdit(id, 'fileName', fileName, close, (m) => `Renamed to ${m.fileName}`);
  const { errorId } = form;
  const [name, setName] = useState(fileName);
  const [extensionConfirmed, setExtensionConfirmed] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const selected = useRef(false);

  // What the server will store, shown while typing: separators and control characters go, 200 bytes at most, and
  // the extension stays unless another one is typed (which asks first).
  const saved = name.trim() ? renamedFileName(name, fileName) : '';
  const cleaned = saved !== '' && saved !== name.trim();
  const [from, to] = [extensionOf(fileName), extensionOf(saved)];
  const extensionChanged = saved !== '' && from !== to;

  return (
    <EditDialog
      title="Rename file"
      errorId={errorId}
      error={form.error}
      pending={form.pending}
      initialFocus={input}
      onCancel={close}
      submitLabel={extensionChanged ? 'Rename and change extension' : undefined}
      onSubmit={() => {
        if (!saved) return form.setError('Give the file a name');
        if (saved === fileName) return close();
        if (extensionChanged && !extensionConfirmed)
          return form.setError('Confirm the change of extension below, or keep the one it has');
        form.submit({ fileName: saved });
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
          onChange={(e) => {
            setName(e.target.value);
            form.edited();
          }}
          // On opening, select the name without its extension: the part one usually retypes.
          onFocus={(e) => {
            if (selected.current) return;
            selected.current = true;
            const dot = fileName.lastIndexOf('.');
            e.currentTarget.setSelectionRange(0, dot > 0 ? dot : fileName.length);
          }}
          {...form.describe('fileName', `${errorId}-hint`, `${errorId}-saved`)}
          autoComplete="off"
          spellCheck={false}
          className={inputClass}
        />
        <FieldError id={form.fieldErrorId('fileName')} message={form.fieldErrors.fileName} />
        <p id={`${errorId}-saved`} className="text-xs text-slate-700" aria-live="polite" data-testid="rename-saved-as">
          {cleaned && (
            <>
              Saved as <span className="break-all font-medium">{saved}</span> (no slashes or control characters, 200
              bytes at most{from && !extensionOf(name.trim()) ? `, the .${from} extension kept` : ''}).
            </>
          )}
        </p>
        <p id={`${errorId}-hint`} className="text-xs text-slate-500">
          The URL changes with the name and the old one stops working; links in rich-editor content are updated.
        </p>
      </div>
      {extensionChanged && (
        <ConfirmBox
          label="Change the extension anyway"
          checked={extensionConfirmed}
          onChange={(on) => {
            setExtensionConfirmed(on);
            form.edited();
          }}
        >
          {from ? `The extension changes from .${from} to .${to}` : `The name gains a .${to} extension`}, but the file
          stays what it is ({mimeType}). Its URL will be{' '}
          <span className="break-all font-mono text-xs">{urlNamed(url, saved)}</span>
        </ConfirmBox>
      )}
    </EditDialog>
  );
}
