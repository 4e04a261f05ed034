'use client';

import { useId } from 'react';

type Props = {
  /** What will happen that the person may not expect (a changed extension, a URL that keeps an old one). */
  children: React.ReactNode;
  /** The checkbox that says "yes, do it anyway". */
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
};

/** A warning inside a dialog that the dialog's action waits for: the consequence, and a checkbox to accept it. */
export function ConfirmBox({ children, label, checked, onChange, disabled }: Props) {
  const id = useId();
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <p id={id}>{children}</p>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={id}
        />
        {label}
      </label>
    </div>
  );
}
