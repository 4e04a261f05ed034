'use client';

import { useId } from 'react';
import type { ContentGrant } from '@/lib/roles/schemas';
import { CONTENT_VERBS, type ContentVerb } from './permission-labels';

export type ApiChoice = { id: string; name: string; endpoint: string };

type Props = {
  apis: ApiChoice[];
  value: ContentGrant[];
  onChange: (value: ContentGrant[]) => void;
  /** Column words: Read/Create/Update/Delete for roles, GET/POST/PATCH/DELETE for API keys. */
  verbs: Record<ContentVerb, string>;
};

const none = (apiId: string): ContentGrant => ({ apiId, read: false, create: false, update: false, delete: false });

/** Per-API content permissions: one row per API, one checkbox per right (named e.g. "Read Blog"). */
export function ContentRightsTable({ apis, value, onChange, verbs }: Props) {
  const headingId = useId();
  const grantOf = (apiId: string) => value.find((g) => g.apiId === apiId) ?? none(apiId);
  const toggle = (apiId: string, verb: ContentVerb, on: boolean) =>
    onChange([...value.filter((g) => g.apiId !== apiId), { ...grantOf(apiId), [verb]: on }]);

  return (
    <div>
      <p id={headingId} className="text-sm font-medium text-slate-700">
        Content permissions
      </p>
      {apis.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">No APIs yet: content permissions appear here once an API exists.</p>
      ) : (
        <div className="mt-1 max-h-56 overflow-auto rounded-md border border-slate-200">
          <table aria-labelledby={headingId} className="w-full text-left text-sm">
            <thead className="sticky top-0 bg-slate-50 text-xs text-slate-500">
              <tr>
                <th scope="col" className="px-2 py-1.5 font-medium">
                  API
                </th>
                {CONTENT_VERBS.map((v) => (
                  <th key={v} scope="col" className="px-1 py-1.5 text-center font-medium">
                    {verbs[v]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {apis.map((api) => (
                <tr key={api.id} className="border-t border-slate-100">
                  <th
                    scope="row"
                    className="max-w-40 truncate px-2 py-1.5 font-normal"
                    title={`/api/v1/${api.endpoint}`}
                  >
                    {api.name}
                  </th>
                  {CONTENT_VERBS.map((v) => (
                    <td key={v} className="px-1 py-1.5 text-center">
                      <input
                        type="checkbox"
                        aria-label={`${verbs[v]} ${api.name}`}
                        checked={grantOf(api.id)[v]}
                        onChange={(e) => toggle(api.id, v, e.target.checked)}
                        className="h-4 w-4 rounded border-slate-300 text-indigo-600"
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
