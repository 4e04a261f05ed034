'use client';

import { useId, useRef, useState } from 'react';
import { EditDialog } from '@/components/ui/edit-dialog';
import { FieldError } from '@/components/ui/field-error';
import { inputClass } from '@/components/ui/input-class';
import { TagsField, splitTags } from '@/components/media/panel/tags-field';
import type { ActionFormView } from '@/components/ui/use-action-form';
import type { MemberChoice } from '@/lib/members/list-members';

const field = `mt-1 ${inputClass}`;

type DialogProps = {
  count: number;
  /** The sending form's state (`useActionForm`): pending, the error box and the field's own message. */
  form: ActionFormView;
  onCancel: () => void;
};

/** The bulk "Change creator": one member becomes the creator of every selected item. */
export function BulkCreatorDialog({
  count,
  form,
  onCancel,
  members,
  onSave,
}: DialogProps & { members: MemberChoice[]; onSave: (creatorId: string) => void }) {
  const id = useId();
  const select = useRef<HTMLSelectElement>(null);
  const [creatorId, setCreatorId] = useState('');
  return (
    <EditDialog
      title={`Change creator of ${count} media`}
      pending={form.pending}
      error={form.error}
      errorId={form.errorId}
      onCancel={onCancel}
      initialFocus={select}
      onSubmit={() => (creatorId ? onSave(creatorId) : form.setError('Choose a member'))}
    >
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          Creator
        </label>
        <select
          ref={select}
          id={id}
          value={creatorId}
          onChange={(e) => setCreatorId(e.target.value)}
          {...form.describe('creatorId')}
          className={field}
        >
          <option value="">Choose a member</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name === m.email ? m.email : `${m.name} (${m.email})`}
            </option>
          ))}
        </select>
        <FieldError id={form.fieldErrorId('creatorId')} message={form.fieldErrors.creatorId} />
      </div>
    </EditDialog>
  );
}

/**
 * The bulk "Add tags" and "Remove tags": the tags, chosen as chips (comma or Enter adds one, existing tags toggle),
 * are added to or taken off every selected item (the other tags they have stay).
 */
export function BulkTagsDialog({
  count,
  form,
  onCancel,
  mode,
  onSave,
}: DialogProps & { mode: 'add' | 'remove'; onSave: (tags: string[]) => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [draft, setDraft] = useState('');
  const field = mode === 'add' ? 'addTags' : 'removeTags';
  return (
    <EditDialog
      title={mode === 'add' ? `Add tags to ${count} media` : `Remove tags from ${count} media`}
      pending={form.pending}
      error={form.error}
      errorId={form.errorId}
      onCancel={onCancel}
      initialFocus={input}
      onSubmit={() => {
        // What is still being typed counts too.
        const chosen = [...new Set([...tags, ...splitTags(`${draft},`).done])];
        return chosen.length ? onSave(chosen) : form.setError('Give at least one tag');
      }}
    >
      <TagsField
        inputId={id}
        describe={(hintId) => form.describe(field, hintId)}
        error={{ id: form.fieldErrorId(field), message: form.fieldErrors[field] }}
        input={input}
        tags={tags}
        draft={draft}
        onDraft={setDraft}
        onAdd={(names) => setTags((t) => [...new Set([...t, ...names])])}
        onRemove={(name) => setTags((t) => t.filter((x) => x !== name))}
      />
    </EditDialog>
  );
}
