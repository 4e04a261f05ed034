'use client';

import { useId } from 'react';

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
};

/** A compact select with its label inside the same outline: "Kind  All kinds ▾". */
export function FilterSelect({ label, value, onChange, options }: Props) {
  const id = useId();
  const active = value !== options[0]?.value;
  return (
    <div
      className={
        `flex items-center rounded-md border text-sm focus-within:border-indigo-500 focus-within:ring-2 ` +
        `focus-within:ring-indigo-200 ${active ? 'border-indigo-300 bg-indigo-50' : 'border-slate-300 bg-white'}`
      }
    >
      <label htmlFor={id} className="pl-2.5 text-xs font-medium text-slate-500">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={
          'max-w-28 cursor-pointer truncate rounded-md bg-transparent ' +
          'py-1.5 pr-1 pl-1.5 text-sm text-slate-900 focus:outline-none'
        }
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
