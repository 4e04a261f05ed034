'use client';

import { useId } from 'react';
import { Checkbox } from '@/components/ui/text-field';

export type RoleChoice = { id: string; name: string };

type Props = { roles: RoleChoice[]; value: string[]; onChange: (roleIds: string[]) => void; error?: string };

/** One checkbox per role (labelled with its name), under the legend "Roles", with the field's message. */
export function RoleCheckboxes({ roles, value, onChange, error }: Props) {
  const errorId = useId();
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((x) => x !== id));
  return (
    <fieldset aria-describedby={error ? errorId : undefined} className="space-y-1">
      <legend className="text-sm font-medium text-slate-700">Roles</legend>
      {roles.map((role) => (
        <Checkbox
          key={role.id}
          label={role.name}
          checked={value.includes(role.id)}
          onChange={(on) => toggle(role.id, on)}
        />
      ))}
      {error && (
        <p id={errorId} className="text-sm text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}
