'use client';

import { useRef, useState } from 'react';
import { EditDialog } from '@/components/ui/edit-dialog';
import { PencilEditor } from './pencil-editor';
import { useMediaEdit } from './use-media-edit';
import { TagsField, splitTags } from './tags-field';

/** The pencil beside the tags: the whole list is chosen here and saved at once. */
export function TagsButton({ id, tags }: { id: string; tags: string[] }) {
  return (
    <PencilEditor label="Edit tags">{(close) => <TagsDialog id={id} initial={tags} close={close} />}</PencilEditor>
  );
}

function TagsDialog({ id, initial, close }: { id: string; initial: string[]; close: () => void }) {
  const form = useMediaEdit(id, 'tags', initial, close, (m) =>
    m.tags.length > 0 ? `Tags set to ${m.tags.join(', ')}` : 'Tags removed',
  );
  const { errorId } = form;
  const [tags, setTags] = useState(initial);
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const add = (names: string[]) => setTags((current) => [...new Set([...current, ...names])]);
  const remove = (name: string) => setTags((current) => current.filter((t) => t !== name));

  return (
    <EditDialog
      title="Tags"
      errorId={errorId}
      error={form.error}
      pending={form.pending}
      initialFocus={input}
      onCancel={close}
      // What is still being typed counts too: "a, b" then Save keeps both.
      onSubmit={() => form.submit({ tags: [...new Set([...tags, ...splitTags(`${draft},`).done])] })}
    >
      <TagsField
        inputId={`${errorId}-tags`}
        describe={(hintId) => form.describe('tags', hintId)}
        error={{ id: form.fieldErrorId('tags'), message: form.fieldErrors.tags }}
        input={input}
        tags={tags}
        draft={draft}
        onDraft={setDraft}
        onAdd={add}
        onRemove={remove}
      />
    </EditDialog>
  );
}
