'use client';

import { useId, useRef, useState } from 'react';
import { createRoleAction, updateRoleAction } from '@/app/(admin)/settings/actions';
import { EditDialog } from '@/components/ui/edit-dialog';
import type { MediaReadScope } from '@/lib/permissions/read-scopes';
import type { RoleRow } from '@/lib/roles/list-roles';
import type { ContentGrant } from '@/lib/roles/schemas';
import { ContentRightsTable, type ApiChoice } from './content-rights-table';
import { MEDIA_READ_LABELS, ROLE_VERBS } from './permission-labels';
import { Checkbox, TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';

type Props = { role?: RoleRow; apis: ApiChoice[]; onCancel: () => void; onSaved: (name: string) => void };

const SCOPES = Object.keys(MEDIA_READ_LABELS) as MediaReadScope[];

/** New role / Edit role: name, which media it reads, media rights, and rights on each API's content. */
export function RoleDialog({ role, apis, onCancel, onSaved }: Props) {
  const nameInput = useRef<HTMLInputElement>(null);
  const legendId = useId();
  const [name, setName] = useState(role?.name ?? '');
  const [mediaRead, setMediaRead] = useState<MediaReadScope>(role?.mediaRead ?? 'all');
  const [rights, setRights] = useState({
    mediaUpload: role?.mediaUpload ?? false,
    mediaEdit: role?.mediaEdit ?? false,
    mediaDelete: role?.mediaDelete ?? false,
  });
  const [content, setContent] = useState<ContentGrant[]>(role?.content ?? []);
  const save = (input: Parameters<typeof createRoleAction>[0]) =>
    role ? updateRoleAction({ id: role.id, ...input }) : createRoleAction(input);
  const form = useActionForm(save, ['name'], (saved) => onSaved(saved.name));
  const submit = () => form.submit({ name, mediaRead, ...rights, content });

  return (
    <EditDialog
      title={role ? `Edit role “${role.name}”` : 'New role'}
      errorId={form.errorId}
      error={form.error}
      pending={form.pending}
      initialFocus={nameInput}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div onChange={form.edited} className="space-y-3">
        <TextField
          label="Role name"
          value={name}
          onChange={setName}
          maxLength={50}
          error={form.fieldErrors.name}
          inputRef={nameInput}
        />
        <fieldset role="radiogroup" aria-labelledby={legendId} className="space-y-1">
          <legend id={legendId} className="text-sm font-medium text-slate-700">
            Media read
          </legend>
          {SCOPES.map((scope) => (
            <label key={scope} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="radio"
                name="media-read"
                value={scope}
                checked={mediaRead === scope}
                onChange={() => setMediaRead(scope)}
                className="h-4 w-4 border-slate-300 text-indigo-600"
              />
              {MEDIA_READ_LABELS[scope]}
            </label>
          ))}
        </fieldset>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-700">Media permissions</legend>
          <Checkbox
            label="Upload media"
            checked={rights.mediaUpload}
            onChange={(on) => setRights({ ...rights, mediaUpload: on })}
          />
          <Checkbox
            label="Edit media"
            checked={rights.mediaEdit}
            onChange={(on) => setRights({ ...rights, mediaEdit: on })}
          />
          <Checkbox
            label="Delete media"
            checked={rights.mediaDelete}
            onChange={(on) => setRights({ ...rights, mediaDelete: on })}
          />
        </fieldset>
        <ContentRightsTable apis={apis} value={content} onChange={setContent} verbs={ROLE_VERBS} />
      </div>
    </EditDialog>
  );
}
