'use client';

import { useId } from 'react';
import { FieldError } from './field-error';
import { inputClass } from './input-class';

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The server's message for this field, shown under it and announced. */
  error?: string;
  hint?: string;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  placeholder?: string;
  /** Monospace, without spell checking: for names, keys and URLs. */
  mono?: boolean;
  maxLength?: number;
  inputRef?: React.RefObject<HTMLInputElement | null>;
};

/** A labelled input of a settings form, with its hint and its own error linked by `aria-describedby`. */
export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
  type = 'text',
  autoComplete = 'off',
  placeholder,
  mono,
  maxLength,
  inputRef,
}: Props) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete={autoComplete}
        placeholder={placeholder}
        spellCheck={mono ? false : undefined}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 ${inputClass}${mono ? ' font-mono' : ''}`}
      />
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** A checkbox with its label to the right. */
export function Checkbox({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-800">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        className="h-4 w-4 rounded border-slate-300 text-indigo-600"
      />
      {label}
    </label>
  );
}
