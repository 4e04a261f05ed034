import Link from 'next/link';
import { ContentTable } from '@/components/content/content-table';
import { requireMemberPage } from '@/lib/auth/session';
import { readableApi } from '@/lib/content/get-api';
import { contentPageQuery, listContentPage } from '@/lib/content/list-content-page';
import { orNotFound } from '@/lib/http/or-not-found';
import { canManageApis } from '@/lib/permissions/content';
import { ContentPage } from './content-page';

export default async function ContentListPage(props: {
  params: Promise<{ api: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requireMemberPage();
  const { api: endpoint } = await props.params;
  const api = await orNotFound(async () => await readableApi(actor, endpoint));
  // An object API holds one item: its page is that item's form.
  if (api.kind === 'object') return <ContentPage endpoint={endpoint} contentId={null} />;
  const query = contentPageQuery.parse(await props.searchParams);
  const list = await listContentPage(actor, endpoint, query);
  return (
    <main className="relative flex-1 overflow-auto bg-slate-50">
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
        <ContentTable list={list} />
      </div>
    </main>
  );
}
