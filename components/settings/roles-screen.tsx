'use client';

import { useState } from 'react';
import { deleteRoleAction } from '@/app/(admin)/settings/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { RoleRow } from '@/lib/roles/list-roles';
import type { ApiChoice } from './content-rights-table';
import { MEDIA_READ_LABELS, ROLE_VERBS } from './permission-labels';
import { RoleDialog } from './role-dialog';
import { GrantList, RowActions, SettingsSection } from './settings-section';
import { useActionForm } from '@/components/ui/use-action-form';

type Props = { roles: RoleRow[]; apis: ApiChoice[] };

const mediaRights = (r: RoleRow) =>
  [r.mediaUpload && 'Upload', r.mediaEdit && 'Edit', r.mediaDelete && 'Delete'].filter(Boolean).join(', ') || '—';

/** Settings → Roles: every role with its permissions; New role, Edit and Delete (not the Administrator). */
export function RolesScreen({ roles, apis }: Props) {
  const [editing, setEditing] = useState<RoleRow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RoleRow | null>(null);
  const [notice, setNotice] = useState('');

  return (
    <SettingsSection
      title="Roles"
      description="A member with several roles gets the broadest permission of them all."
      action={{ label: 'New role', onClick: () => setEditing('new') }}
      notice={notice}
      columns={['Name', 'Media read', 'Media', 'Content', 'Members']}
      dialogs={
        <>
          {editing && (
            <RoleDialog
              role={editing === 'new' ? undefined : editing}
              apis={apis}
              onCancel={() => setEditing(null)}
              onSaved={(name) => {
                setNotice(editing === 'new' ? `Created the role “${name}”.` : `Saved the role “${name}”.`);
                setEditing(null);
              }}
            />
          )}
          {deleting && (
            <DeleteRoleDialog
              role={deleting}
              onCancel={() => setDeleting(null)}
              onDeleted={() => {
                setNotice(`Deleted the role “${deleting.name}”.`);
                setDeleting(null);
              }}
            />
          )}
        </>
      }
    >
      {roles.map((role) => (
        <tr key={role.id} className="border-t border-slate-100 align-top">
          <th scope="row" className="px-5 py-2.5 font-medium">
            {role.name}
          </th>
          {role.builtin ? (
            <td colSpan={3} className="px-3 py-2.5 text-slate-600">
              Every permission on all media and all content, and the settings screens.
            </td>
          ) : (
            <>
              <td className="px-3 py-2.5 text-slate-700">{MEDIA_READ_LABELS[role.mediaRead]}</td>
              <td className="px-3 py-2.5 text-slate-700">{mediaRights(role)}</td>
              <td className="px-3 py-2.5 text-slate-700">
                <GrantList grants={role.content} apis={apis} verbs={ROLE_VERBS} />
              </td>
            </>
          )}
          <td className="px-3 py-2.5 text-slate-700">{role.members}</td>
          <td className="px-5 py-2.5">
            {role.builtin ? (
              <span className="text-xs text-slate-500">Built in</span>
            ) : (
              <RowActions
                actions={[
                  { label: 'Edit', name: role.name, onClick: () => setEditing(role) },
                  { label: 'Delete', name: role.name, onClick: () => setDeleting(role), danger: true },
                ]}
              />
            )}
          </td>
        </tr>
      ))}
    </SettingsSection>
  );
}

/** Confirms deleting a role; the server refuses while members hold it, and says how many. */
function DeleteRoleDialog({
  role,
  onCancel,
  onDeleted,
}: {
  role: RoleRow;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const form = useActionForm(deleteRoleAction, [], onDeleted);
  return (
    <ConfirmDialog
      title={`Delete the role “${role.name}”?`}
      confirmLabel="Delete"
      pending={form.pending}
      error={form.error}
      onConfirm={() => form.submit({ id: role.id })}
      onCancel={onCancel}
    >
      {role.members > 0
        ? `${role.members} member${role.members === 1 ? ' holds' : 's hold'} this ` +
          `role, so Kura will refuse to delete it until it is taken from them.`
        : 'No member holds this role. This cannot be undone.'}
    </ConfirmDialog>
  );
}
