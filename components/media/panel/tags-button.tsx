'use client';

import { useRef, useState } from 'react';
import { EditDialog } from '@/components/ui/edit-dialog';
import { PencilEditor } from './pencil-editor';
import { TagsField, splitTags } from './tags-field';
import { useEditMedia } from './use-edit-media';

/** The pencil beside the tags: the whole list is chosen here and saved at once. */
export function TagsButton({ id, tags }: { id: string; tags: string[] }) {
  return (
    <PencilEditor label="Edit tags">{(close) => <TagsDialog id={id} initial={tags} close={close} />}</PencilEditor>
  );
}

function TagsDialog({ id, initial, close }: { id: string; initial: string[]; close: () => void }) {
  const { pending, error, errorId, save } = useEditMedia(id, close);
  const [tags, setTags] = useState(initial);
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const add = (names: string[]) => setTags((current) => [...new Set([...current, ...names])]);
  const remove = (name: string) => setTags((current) => current.filter((t) => t !== name));

  return (
    <EditDialog
      title="Tags"
      errorId={errorId}
      error={error}
      pending={pending}
      initialFocus={input}
      onCancel={close}
      // What is still being typed counts too: "a, b" then Save keeps both.
      onSubmit={() => save({ tags: [...new Set([...tags, ...splitTags(`${draft},`).done])] })}
    >
      <TagsField
        inputId={`${errorId}-tags`}
        errorId={errorId}
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
