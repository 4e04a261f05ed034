'use client';

import { useEffect, useRef } from 'react';

type Props = {
  label: string;
  checked: boolean;
  /** Some but not all: the "Select all" box. */
  indeterminate?: boolean;
  onToggle: (checked: boolean, shiftKey: boolean) => void;
  className?: string;
  /** -1 where the item itself is the tab stop and Space selects it (the grid's cards). */
  tabIndex?: number;
};

/** A selection checkbox inside a clickable row or card: its clicks never reach the row (which opens the panel). */
export function SelectCheckbox({ label, checked, indeterminate = false, onToggle, className = '', tabIndex }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={label}
      tabIndex={tabIndex}
      checked={checked}
      onClick={(e) => {
        e.stopPropagation();
        // Shift-click would otherwise also select the text between the two rows.
        if (e.shiftKey) window.getSelection()?.removeAllRanges();
      }}
      onChange={(e) => onToggle(e.target.checked, (e.nativeEvent as MouseEvent).shiftKey === true)}
      className={`h-4 w-4 cursor-pointer rounded border-slate-300 accent-indigo-600 ${className}`}
    />
  );
}
