'use client';

import { useRef, useState } from 'react';
import { EditDialog } from '@/components/ui/edit-dialog';
import { AltTextField, MAX_ALT } from '@/components/media/alt-text-field';
import { PencilEditor } from './pencil-editor';
import { useMediaEdit } from './use-media-edit';

/** The pencil beside an image's alt text: up to 1,000 characters; empty removes it. */
export function AltTextButton({ id, alt }: { id: string; alt: string }) {
  return (
    <PencilEditor label="Edit alt text">{(close) => <AltTextDialog id={id} alt={alt} close={close} />}</PencilEditor>
  );
}

function AltTextDialog({ id, alt, close }: { id: string; alt: string; close: () => void }) {
  const form = useMediaEdit(id, 'alt', alt, close, (m) => (m.alt ? 'Alt text saved' : 'Alt text removed'));
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
      <AltTextField
        form={form}
        inputRef={input}
        value={value}
        onChange={setValue}
        rows={4}
        noteClassName="text-right text-xs text-slate-500"
        note={`${value.length.toLocaleString('en-US')} / ${MAX_ALT.toLocaleString('en-US')} characters`}
      />
    </EditDialog>
  );
}
