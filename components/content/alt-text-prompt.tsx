'use client';

import { useRef, useState } from 'react';
import { editMediaAction } from '@/app/(admin)/media/actions';
import { EditDialog } from '@/components/ui/edit-dialog';
import { AltTextField } from '@/components/media/alt-text-field';
import { useActionForm } from '@/components/ui/use-action-form';

type Props = {
  media: { id: string; fileName: string; alt?: string };
  /** The alt text to insert the image with; null: not inserted. */
  onDone: (alt: string | null) => void;
};

/**
 * Asked when an image goes into the rich editor: its alt text. A changed one is saved on the media item, because the
 * content API gives every `<img>` of a media item that item's alt text.
 */
export function AltTextPrompt({ media, onDone }: Props) {
  const [value, setValue] = useState(media.alt ?? '');
  const input = useRef<HTMLTextAreaElement>(null);
  const form = useActionForm(
    (alt: string) =>
      alt === (media.alt ?? '')
        ? Promise.resolve({ ok: true as const, data: null })
        : editMediaAction({ id: media.id, changes: { alt } }),
    ['alt'],
    () => onDone(value.trim()),
    { refresh: false },
  );
  const { errorId } = form;
  return (
    <EditDialog
      title={`Alt text for ${media.fileName}`}
      submitLabel="Insert image"
      errorId={errorId}
      error={form.error}
      pending={form.pending}
      initialFocus={input}
      onCancel={() => onDone(null)}
      onSubmit={() => form.submit(value.trim())}
    >
      <AltTextField
        form={form}
        inputRef={input}
        value={value}
        onChange={setValue}
        rows={3}
        noteClassName="text-xs text-slate-500"
        note={
          'What the image shows, for people who cannot see it. Saved on the image in the library, so every page ' +
          'using it gets it. Leave it empty only for a decoration.'
        }
      />
    </EditDialog>
  );
}
