'use client';

import { useState } from 'react';

export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Clipboard access denied (e.g. plain http): fall back to a selection the user can copy.
      window.prompt(label, value);
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  }
  return (
    <button
      type="button"
      onClick={copy}
      className={
        'rounded-md border border-slate-300 bg-white px-2.5 py-1 ' +
        'text-xs font-medium text-slate-700 hover:bg-slate-50'
      }
    >
      <span aria-live="polite">{copied ? 'Copied' : label}</span>
    </button>
  );
}
