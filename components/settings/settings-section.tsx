'use client';

import { useId } from 'react';
import type { ContentGrant } from '@/lib/roles/schemas';
import type { ApiChoice } from './content-rights-table';
import { describeGrant, type ContentVerb } from './permission-labels';

type Props = {
  title: string;
  description: React.ReactNode;
  /** The section's main button (Add member, New role, New API key). */
  action: { label: string; onClick: () => void };
  /** What the last action did, announced politely. */
  notice: React.ReactNode;
  /** The table's column headings; the last column (row buttons) needs none. */
  columns: string[];
  empty?: string;
  /** The table's rows. */
  children: React.ReactNode;
  /** Dialogs open over the section (they portal to <body>). */
  dialogs: React.ReactNode;
};

/** A settings screen's frame: heading, description, main button, notice and a table named by the heading. */
export function SettingsSection({ title, description, action, notice, columns, empty, children, dialogs }: Props) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white">
      <div className="flex flex-wrap items-end justify-between gap-4 border-b border-slate-100 px-5 py-4">
        <div>
          <h2 id={headingId} className="text-base font-semibold">
            {title}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{description}</p>
        </div>
        <button
          type="button"
          onClick={action.onClick}
          className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
        >
          {action.label}
        </button>
      </div>
      <div aria-live="polite" className="text-sm text-emerald-800">
        {notice && <div className="border-b border-slate-100 bg-emerald-50 px-5 py-2">{notice}</div>}
      </div>
      {empty ? (
        <p className="px-5 py-8 text-center text-sm text-slate-500">{empty}</p>
      ) : (
        <table aria-labelledby={headingId} className="w-full text-left text-sm">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              {columns.map((c, i) => (
                <th key={c} scope="col" className={`${i === 0 ? 'px-5' : 'px-3'} py-2 font-medium`}>
                  {c}
                </th>
              ))}
              <th scope="col" className="px-5 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      )}
      {dialogs}
    </section>
  );
}

type RowAction = { label: string; name: string; onClick: () => void; danger?: boolean };

/** A row's buttons (Edit, Remove, …), each named with what it acts on, e.g. "Edit Editors". */
export function RowActions({ actions }: { actions: RowAction[] }) {
  return (
    <div className="flex justify-end gap-2">
      {actions.map((a) => (
        <button
          key={a.label}
          type="button"
          aria-label={`${a.label} ${a.name}`}
          onClick={a.onClick}
          className={
            `rounded-md border px-3 py-1 text-xs font-medium ` +
            (a.danger
              ? 'border-red-200 text-red-700 hover:bg-red-50'
              : 'border-slate-300 text-slate-700 hover:bg-slate-50')
          }
        >
          {a.label}
        </button>
      ))}
    </div>
  );
}

/** A role's or key's content permissions, one line per API ("Blog: Read, Update"). */
export function GrantList({
  grants,
  apis,
  verbs,
}: {
  grants: ContentGrant[];
  apis: ApiChoice[];
  verbs: Record<ContentVerb, string>;
}) {
  if (grants.length === 0) return <>—</>;
  const apiName = (id: string) => apis.find((a) => a.id === id)?.name ?? 'a removed API';
  return (
    <ul>
      {grants.map((g) => (
        <li key={g.apiId}>{`${apiName(g.apiId)}: ${describeGrant(g, verbs)}`}</li>
      ))}
    </ul>
  );
}
