import Link from 'next/link';
import { z } from 'zod';
import { LocalTime } from '@/components/media/local-time';
import { requireMemberPage } from '@/lib/auth/session';
import { listContentPage } from '@/lib/content/list-content-page';
import { orNotFound } from '@/lib/http/or-not-found';
import { canManageApis } from '@/lib/permissions/content';

const query = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).catch(1) });

export default async function ContentListPage(props: {
  params: Promise<{ api: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requireMemberPage();
  const { api: endpoint } = await props.params;
  const { page } = query.parse(await props.searchParams);
  const list = await orNotFound(async () => await listContentPage(actor, endpoint, { page, pageSize: 50 }));
  return (
    <main className="flex-1 overflow-auto bg-slate-50">
      <div className="mx-auto max-w-5xl px-6 py-8">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href="/apis" className="hover:text-slate-800">
            Content
          </Link>{' '}
          / {list.api.name}
        </nav>
        <div className="mt-1 flex items-center justify-between">
          <div className="flex items-baseline gap-3">
            <h1 className="text-xl font-semibold">{list.api.name}</h1>
            <span className="font-mono text-xs text-slate-500">/api/v1/{list.api.endpoint}</span>
          </div>
          <div className="flex items-center gap-3">
            {canManageApis(actor) && (
              <Link
                href={`/apis/${endpoint}/settings`}
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
              >
                API settings
              </Link>
            )}
            {list.canCreate && (
              <Link
                href={`/apis/${endpoint}/new`}
                className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
              >
                New content
              </Link>
            )}
          </div>
        </div>
        {list.rows.length === 0 ? (
          <p className="mt-10 text-center text-sm text-slate-500">No content yet.</p>
        ) : (
          <table className="mt-6 w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2 font-medium">Title</th>
                <th className="px-4 py-2 font-medium">Id</th>
                <th className="px-4 py-2 font-medium">Created</th>
                <th className="px-4 py-2 font-medium">Updated</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50">
                  <td className="px-4 py-2">
                    <Link href={`/apis/${endpoint}/${row.id}`} className="font-medium text-indigo-700 hover:underline">
                      {row.title}
                    </Link>
                  </td>
                  <td className="px-4 py-2 font-mono text-xs text-slate-500">{row.id}</td>
                  <td className="px-4 py-2 text-slate-600">
                    <LocalTime iso={row.createdAt} />
                  </td>
                  <td className="px-4 py-2 text-slate-600">
                    <LocalTime iso={row.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {list.pageCount > 1 && (
          <nav aria-label="Pages" className="mt-4 flex items-center justify-center gap-4 text-sm">
            {list.page > 1 ? (
              <Link href={`?page=${list.page - 1}`}>← Previous</Link>
            ) : (
              <span className="text-slate-300">← Previous</span>
            )}
            <span className="text-slate-500">
              Page {list.page} of {list.pageCount}
            </span>
            {list.page < list.pageCount ? (
              <Link href={`?page=${list.page + 1}`}>Next →</Link>
            ) : (
              <span className="text-slate-300">Next →</span>
            )}
          </nav>
        )}
      </div>
    </main>
  );
}
