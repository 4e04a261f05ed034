'use client';

import { useRef, useState } from 'react';
import { createApiKeyAction, updateApiKeyAction } from '@/app/(admin)/settings/actions';
import { EditDialog } from '@/components/ui/edit-dialog';
import type { ApiKeyRow } from '@/lib/api-keys/list-api-keys';
import type { ActionResult } from '@/lib/auth/authed-action';
import type { ContentGrant } from '@/lib/roles/schemas';
import { ContentRightsTable, type ApiChoice } from './content-rights-table';
import { KEY_VERBS } from './permission-labels';
import { Checkbox, TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';

type Props = {
  apiKey?: ApiKeyRow;
  apis: ApiChoice[];
  onCancel: () => void;
  /** `key` is the new key's value, only when one was created. */
  onSaved: (saved: { name: string; key?: string }) => void;
};

const MEDIA_RIGHTS = [
  ['mediaGet', 'Get media'],
  ['mediaUpload', 'Upload media'],
  ['mediaEdit', 'Edit media'],
  ['mediaDelete', 'Delete media'],
] as const;
type MediaRight = (typeof MEDIA_RIGHTS)[number][0];

/** New API key / Edit API key: its name, media permissions and per-API GET/POST/PATCH/DELETE. */
export function ApiKeyDialog({ apiKey, apis, onCancel, onSaved }: Props) {
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(apiKey?.name ?? '');
  const [rights, setRights] = useState<Record<MediaRight, boolean>>({
    mediaGet: apiKey?.mediaGet ?? false,
    mediaUpload: apiKey?.mediaUpload ?? false,
    mediaEdit: apiKey?.mediaEdit ?? false,
    mediaDelete: apiKey?.mediaDelete ?? false,
  });
  const [content, setContent] = useState<ContentGrant[]>(apiKey?.content ?? []);
  const save = (
    input: Parameters<typeof createApiKeyAction>[0],
  ): Promise<ActionResult<{ name: string; key?: string }>> =>
    apiKey ? updateApiKeyAction({ id: apiKey.id, ...input }) : createApiKeyAction(input);
  const form = useActionForm(save, ['name'], onSaved);

  return (
    <EditDialog
      title={apiKey ? `Edit API key “${apiKey.name}”` : 'New API key'}
      errorId={form.errorId}
      error={form.error}
      pending={form.pending}
      initialFocus={nameInput}
      onSubmit={() => form.submit({ name, ...rights, content })}
      onCancel={onCancel}
    >
      <div onChange={form.edited} className="space-y-3">
        <TextField
          label="Key name"
          value={name}
          onChange={setName}
          maxLength={60}
          error={form.fieldErrors.name}
          inputRef={nameInput}
        />
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-700">Media permissions</legend>
          {MEDIA_RIGHTS.map(([right, label]) => (
            <Checkbox
              key={right}
              label={label}
              checked={rights[right]}
              onChange={(on) => setRights({ ...rights, [right]: on })}
            />
          ))}
        </fieldset>
        <ContentRightsTable apis={apis} value={content} onChange={setContent} verbs={KEY_VERBS} />
      </div>
    </EditDialog>
  );
}
