'use client';

import { useRef, useState } from 'react';
import { addMemberAction, updateMemberAction } from '@/app/(admin)/settings/actions';
import { EditDialog } from '@/components/ui/edit-dialog';
import type { MemberRow } from '@/lib/members/list-members';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { RoleCheckboxes, type RoleChoice } from './role-checkboxes';

export type { RoleChoice } from './role-checkboxes';

type Props = {
  member?: MemberRow;
  roles: RoleChoice[];
  passwordMin: number;
  onCancel: () => void;
  onSaved: (label: string) => void;
};

/** Add member (email, name, initial password, roles) or Edit member (name and roles). */
export function MemberDialog({ member, roles, passwordMin, onCancel, onSaved }: Props) {
  const first = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const [name, setName] = useState(member?.name ?? '');
  const [password, setPassword] = useState('');
  const [roleIds, setRoleIds] = useState<string[]>(member?.roles.map((r) => r.id) ?? []);
  const form = useActionForm(
    (input: { email: string; name: string; password: string; roleIds: string[] }) =>
      member ? updateMemberAction({ id: member.id, name: input.name, roleIds: input.roleIds }) : addMemberAction(input),
    ['email', 'name', 'password', 'roleIds'],
    () => onSaved(member ? member.email : email.trim().toLowerCase()),
  );

  return (
    <EditDialog
      title={member ? `Edit ${member.email}` : 'Add member'}
      errorId={form.errorId}
      error={form.error}
      pending={form.pending}
      initialFocus={first}
      onSubmit={() => form.submit({ email, name, password, roleIds })}
      onCancel={onCancel}
    >
      <div onChange={form.edited} className="space-y-3">
        {!member && (
          <TextField
            label="Email"
            type="email"
            value={email}
            onChange={setEmail}
            maxLength={254}
            error={form.fieldErrors.email}
            inputRef={first}
          />
        )}
        <TextField
          label="Name"
          value={name}
          onChange={setName}
          maxLength={100}
          error={form.fieldErrors.name}
          inputRef={member ? first : undefined}
        />
        {!member && (
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            hint={`At least ${passwordMin} characters. Tell it to the member; they can change it under Account.`}
            error={form.fieldErrors.password}
          />
        )}
        <RoleCheckboxes roles={roles} value={roleIds} onChange={setRoleIds} error={form.fieldErrors.roleIds} />
      </div>
    </EditDialog>
  );
}
