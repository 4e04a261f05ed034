'use client';

import { useState } from 'react';
import { revokeApiKeyAction } from '@/app/(admin)/settings/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { LocalTime } from '@/components/media/local-time';
import type { ApiKeyRow } from '@/lib/api-keys/list-api-keys';
import { ApiKeyDialog } from './api-key-dialog';
import type { ApiChoice } from './content-rights-table';
import { NewKeyDialog } from './new-key-dialog';
import { KEY_VERBS } from './permission-labels';
import { GrantList, RowActions, SettingsSection } from './settings-section';
import { useActionForm } from '@/components/ui/use-action-form';

type Props = { apiKeys: ApiKeyRow[]; apis: ApiChoice[] };

const mediaRights = (k: ApiKeyRow) =>
  [k.mediaGet && 'Get', k.mediaUpload && 'Upload', k.mediaEdit && 'Edit', k.mediaDelete && 'Delete']
    .filter(Boolean)
    .join(', ') || '—';

/** Settings → API keys: New API key (shown once), Edit permissions, Revoke. */
export function ApiKeysScreen({ apiKeys, apis }: Props) {
  const [editing, setEditing] = useState<ApiKeyRow | 'new' | null>(null);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const [notice, setNotice] = useState('');

  return (
    <SettingsSection
      title="API keys"
      description="Keys are shown once when created and stored only as a hash. A revoked key is refused at once."
      action={{ label: 'New API key', onClick: () => setEditing('new') }}
      notice={notice}
      columns={['Name', 'Key', 'Media', 'Content', 'Created']}
      empty={apiKeys.length === 0 ? 'No API keys yet.' : undefined}
      dialogs={
        <>
          {editing && (
            <ApiKeyDialog
              apiKey={editing === 'new' ? undefined : editing}
              apis={apis}
              onCancel={() => setEditing(null)}
              onSaved={({ name, key }) => {
                setEditing(null);
                setNotice(key ? `Created the API key “${name}”.` : `Saved the API key “${name}”.`);
                if (key) setCreated({ name, key });
              }}
            />
          )}
          {created && <NewKeyDialog name={created.name} apiKey={created.key} onClose={() => setCreated(null)} />}
          {revoking && (
            <RevokeKeyDialog
              apiKey={revoking}
              onCancel={() => setRevoking(null)}
              onRevoked={() => {
                setNotice(`Revoked the API key “${revoking.name}”.`);
                setRevoking(null);
              }}
            />
          )}
        </>
      }
    >
      {apiKeys.map((k) => (
        <tr key={k.id} className={`border-t border-slate-100 align-top ${k.revokedAt ? 'text-slate-400' : ''}`}>
          <th scope="row" className="px-5 py-2.5 font-medium">
            {k.name}
          </th>
          <td className="px-3 py-2.5 font-mono text-xs">{`${k.preview}…`}</td>
          <td className="px-3 py-2.5">{mediaRights(k)}</td>
          <td className="px-3 py-2.5">
            {k.contentAll ? 'Every API (KURA_API_KEY)' : <GrantList grants={k.content} apis={apis} verbs={KEY_VERBS} />}
          </td>
          <td className="px-3 py-2.5">
            <LocalTime iso={k.createdAt} />
          </td>
          <td className="px-5 py-2.5">
            {k.revokedAt ? (
              <span className="text-xs">
                Revoked <LocalTime iso={k.revokedAt} />
              </span>
            ) : (
              <RowActions
                actions={[
                  // The KURA_API_KEY key always has every permission: it can be revoked, not edited.
                  ...(k.contentAll ? [] : [{ label: 'Edit', name: k.name, onClick: () => setEditing(k) }]),
                  { label: 'Revoke', name: k.name, onClick: () => setRevoking(k), danger: true },
                ]}
              />
            )}
          </td>
        </tr>
      ))}
    </SettingsSection>
  );
}

function RevokeKeyDialog({
  apiKey,
  onCancel,
  onRevoked,
}: {
  apiKey: ApiKeyRow;
  onCancel: () => void;
  onRevoked: () => void;
}) {
  const form = useActionForm(revokeApiKeyAction, [], onRevoked);
  return (
    <ConfirmDialog
      title={`Revoke the API key “${apiKey.name}”?`}
      confirmLabel="Revoke"
      pending={form.pending}
      error={form.error}
      onConfirm={() => form.submit({ id: apiKey.id })}
      onCancel={onCancel}
    >
      {apiKey.contentAll
        ? 'Requests with this key are refused from now on. It comes from KURA_API_KEY, ' +
          'so the next start of Kura makes it valid again unless that variable changes.'
        : 'Requests with this key are refused from now on. This cannot be undone.'}
    </ConfirmDialog>
  );
}
