'use client';

import { useId, useRef, useState } from 'react';
import { EditDialog } from '@/components/ui/edit-dialog';
import { FieldError } from '@/components/ui/field-error';
import { inputClass } from '@/components/ui/input-class';
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

/** Tag names from "a, b , ,c": trimmed, blanks dropped, each once. */
export const parseTags = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

/** The bulk "Add tags": these tags are added to every selected item (the tags they already have stay). */
export function BulkTagsDialog({
  count,
  form,
  onCancel,
  tags,
  onSave,
}: DialogProps & { tags: string[]; onSave: (tags: string[]) => void }) {
  const id = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const chosen = parseTags(text);
  // Existing tags matching what is being typed after the last comma: a click completes it.
  const fragment = (text.split(',').at(-1) ?? '').trim().toLowerCase();
  const suggestions = tags.filter((t) => !chosen.includes(t) && t.toLowerCase().includes(fragment)).slice(0, 12);
  const pick = (tag: string) => {
    const before = text
      .split(',')
      .slice(0, -1)
      .map((t) => t.trim())
      .filter(Boolean);
    setText([...before, tag].join(', ') + ', ');
    input.current?.focus();
  };
  return (
    <EditDialog
      title={`Add tags to ${count} media`}
      pending={form.pending}
      error={form.error}
      errorId={form.errorId}
      onCancel={onCancel}
      initialFocus={input}
      onSubmit={() => (chosen.length ? onSave(chosen) : form.setError('Give at least one tag'))}
    >
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          Tags
        </label>
        <input
          ref={input}
          id={id}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
          placeholder="e.g. hero, spring-campaign"
          {...form.describe('addTags', hintId)}
          className={field}
        />
        <FieldError id={form.fieldErrorId('addTags')} message={form.fieldErrors.addTags} />
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          Separate tags with commas. Tags that do not exist yet are created.
        </p>
        {suggestions.length > 0 && (
          <div role="group" aria-label="Existing tags" className="mt-2 flex flex-wrap gap-1">
            {suggestions.map((t) => (
              <button
                key={t}
                type="button"
                onClick={() => pick(t)}
                aria-label={`Add tag ${t}`}
                className={
                  'rounded-full bg-slate-100 px-2 py-0.5 text-xs ' +
                  'text-slate-700 hover:bg-indigo-100 hover:text-indigo-800'
                }
              >
                {t}
              </button>
            ))}
          </div>
        )}
      </div>
    </EditDialog>
  );
}
