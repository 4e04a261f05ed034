'use client';

import { useEffect, useRef, useState } from 'react';
import type { MemberChoice } from '@/lib/members/list-members';
import { memberChoicesAction } from '@/app/(admin)/media/actions';
import { EditDialog } from '@/components/ui/edit-dialog';
import { FieldError } from '@/components/ui/field-error';
import { inputClass } from '@/components/ui/input-class';
import { PencilEditor } from './pencil-editor';
import { useMediaEdit } from './use-media-edit';

type Creator = { id: string; name: string } | null;

/** The pencil beside the creator: any member can be made the creator. */
export function CreatorButton({ id, creator }: { id: string; creator: Creator }) {
  return (
    <PencilEditor label="Change creator">
      {(close) => <CreatorDialog id={id} creator={creator} close={close} />}
    </PencilEditor>
  );
}

// The current creator arrives without an email (media records carry none) until the list is loaded.
const optionText = (m: { name: string; email?: string }) => (m.email ? `${m.name} (${m.email})` : m.name);

function CreatorDialog({ id, creator, close }: { id: string; creator: Creator; close: () => void }) {
  const form = useMediaEdit(id, 'creatorId', creator?.id, close, (m) => `Creator set to ${m.creator?.name ?? 'none'}`);
  const { errorId, setError } = form;
  const [members, setMembers] = useState<MemberChoice[] | null>(null);
  const [creatorId, setCreatorId] = useState(creator?.id ?? '');
  const select = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    let live = true;
    memberChoicesAction({}).then((result) => {
      if (!live) return;
      if (result.ok) setMembers(result.data);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [setError]);

  // Until the list arrives the current creator is the only choice, so the select can take focus at once.
  const choices: { id: string; name: string; email?: string }[] = members ?? (creator ? [creator] : []);
  return (
    <EditDialog
      title="Change creator"
      errorId={errorId}
      error={form.error}
      pending={form.pending}
      blocked={!members}
      initialFocus={select}
      onCancel={close}
      onSubmit={() => (creatorId ? form.submit({ creatorId }) : setError('Choose a member'))}
    >
      <div className="space-y-1">
        <label htmlFor={`${errorId}-creator`} className="block text-sm font-medium">
          Creator
        </label>
        <select
          ref={select}
          id={`${errorId}-creator`}
          value={creatorId}
          onChange={(e) => setCreatorId(e.target.value)}
          {...form.describe('creatorId')}
          aria-busy={!members}
          className={inputClass}
        >
          {!creatorId && <option value="">{members ? 'Choose a member' : 'Loading members…'}</option>}
          {choices.map((m) => (
            <option key={m.id} value={m.id}>
              {optionText(m)}
            </option>
          ))}
        </select>
        <FieldError id={form.fieldErrorId('creatorId')} message={form.fieldErrors.creatorId} />
      </div>
    </EditDialog>
  );
}
