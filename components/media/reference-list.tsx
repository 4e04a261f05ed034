'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { MediaReferences } from '@/lib/content/content-using-media';

/** "N references", opening the list of content that uses the media (only what the viewer may read). */
export function ReferenceList({ references }: { references: MediaReferences }) {
  const [open, setOpen] = useState(false);
  const label = references.total === 1 ? '1 reference' : `${references.total} references`;
  if (references.total === 0) return <span data-testid="panel-references">{label}</span>;
  return (
    <div>
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls="reference-list"
        data-testid="panel-references"
        className="font-medium text-indigo-700 hover:underline"
      >
        {label} {open ? '▴' : '▾'}
      </button>
      {open && (
        <ul id="reference-list" aria-label="Content using this media" className="mt-2 space-y-1.5">
          {references.visible.map((h) => (
            <li key={h.contentId} className="rounded border border-slate-200 px-2.5 py-1.5">
              <Link href={h.editPath} className="block font-medium text-indigo-700 hover:underline">
                {h.title}
              </Link>
              <span className="text-xs text-slate-500">
                {h.api.name} · {h.fields.join(', ')}
              </span>
            </li>
          ))}
          {references.hidden > 0 && (
            <li className="text-xs text-slate-500">
              {references.hidden === 1
                ? '1 more in content you cannot read'
                : `${references.hidden} more in content you cannot read`}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
