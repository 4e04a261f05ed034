import type { Metadata } from 'next';
import Link from 'next/link';
import { requireMemberPage } from '@/lib/auth/session';
import { fieldsOf, listApis } from '@/lib/content/get-api';
import { canManageApis } from '@/lib/permissions/content';

export const metadata: Metadata = { title: 'Content' };

export default async function ApisPage() {
  const actor = await requireMemberPage();
  const apis = await listApis(actor);
  const canCreate = canManageApis(actor);
  return (
    <main className="relative flex-1 overflow-auto bg-slate-50">
      <div className="mx-auto max-w-4xl px-6 py-8">
        <div className="flex items-center justify-between">
          <h1 className="text-xl font-semibold">Content</h1>
          {canCreate && (
            <Link
              href="/apis/new"
              className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
            >
              New API
            </Link>
          )}
        </div>
        {apis.length === 0 ? (
          <p className="mt-10 text-center text-sm text-slate-500">
            No APIs yet.
            {canCreate ? ' An API is a content endpoint such as “blogs”: create one to start writing content.' : ''}
          </p>
        ) : (
          <ul className="mt-6 grid gap-3 sm:grid-cols-2">
            {apis.map((api) => (
              <li key={api.id}>
                <Link
                  href={`/apis/${api.endpoint}`}
                  className={
                    'block rounded-lg border border-slate-200 bg-white ' + 'p-4 hover:border-indigo-300 hover:shadow-sm'
                  }
                >
                  <span className="block font-medium">{api.name}</span>
                  <span className="mt-1 block font-mono text-xs text-slate-500">/api/v1/{api.endpoint}</span>
                  <span className="mt-2 block text-xs text-slate-500">{fieldsOf(api).length} fields</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </main>
  );
}
