'use client';

import { useRef, useState } from 'react';
import { createInviteAction } from '@/app/(admin)/settings/actions';
import { EditDialog } from '@/components/ui/edit-dialog';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { CreatedInvite } from '@/lib/invites/create-invite';
import { RoleCheckboxes, type RoleChoice } from './role-checkboxes';

type Props = { roles: RoleChoice[]; onCancel: () => void; onCreated: (invite: CreatedInvite) => void };

/** Invite member: the email they will log in with and their roles; Kura then shows the link to send them. */
export function InviteDialog({ roles, onCancel, onCreated }: Props) {
  const first = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const [roleIds, setRoleIds] = useState<string[]>([]);
  const form = useActionForm(createInviteAction, ['email', 'roleIds'], onCreated);
  return (
    <EditDialog
      title="Invite member"
      submitLabel="Create invite link"
      errorId={form.errorId}
      error={form.error}
      pending={form.pending}
      initialFocus={first}
      onSubmit={() => form.submit({ email, roleIds })}
      onCancel={onCancel}
    >
      <div onChange={form.edited} className="space-y-3">
        <TextField
          label="Email"
          type="email"
          value={email}
          onChange={setEmail}
          maxLength={254}
          hint="They log in with it. No mail is sent: you copy the link and send it yourself."
          error={form.fieldErrors.email}
          inputRef={first}
        />
        <RoleCheckboxes roles={roles} value={roleIds} onChange={setRoleIds} error={form.fieldErrors.roleIds} />
      </div>
    </EditDialog>
  );
}
