'use client';

import { useId, useRef, useState } from 'react';
import { addMemberAction, updateMemberAction } from '@/app/(admin)/settings/actions';
import { EditDialog } from '@/components/ui/edit-dialog';
import type { MemberRow } from '@/lib/members/list-members';
import { Checkbox, TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';

export type RoleChoice = { id: string; name: string };

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
  const rolesErrorId = useId();
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
  const toggle = (id: string, on: boolean) => setRoleIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

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
        <fieldset aria-describedby={form.fieldErrors.roleIds ? rolesErrorId : undefined} className="space-y-1">
          <legend className="text-sm font-medium text-slate-700">Roles</legend>
          {roles.map((role) => (
            <Checkbox
              key={role.id}
              label={role.name}
              checked={roleIds.includes(role.id)}
              onChange={(on) => toggle(role.id, on)}
            />
          ))}
          {form.fieldErrors.roleIds && (
            <p id={rolesErrorId} className="text-sm text-red-600">
              {form.fieldErrors.roleIds}
            </p>
          )}
        </fieldset>
      </div>
    </EditDialog>
  );
}
