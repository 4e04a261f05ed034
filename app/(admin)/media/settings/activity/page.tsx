import type { Metadata } from 'next';
import Link from 'next/link';
import { Breadcrumb } from '@/components/layout/breadcrumb';
import { ActivityFilters } from '@/components/activity/activity-filters';
import { activityHref } from '@/components/activity/activity-labels';
import { ActivityPaging, ActivityTable } from '@/components/activity/activity-table';
import { ACTIVITY_PAGE, listActivity } from '@/lib/activity/list-activity';
import { notFound } from 'next/navigation';
import { requireAdminPage } from '@/lib/auth/session';
import { canReadActivity } from '@/lib/permissions/settings';
import { orNotFound } from '@/lib/http/or-not-found';

export const metadata: Metadata = { title: 'Activity' };

/** Media settings → Activity (Administrators; everyone else gets 404): the audit log, filtered by its URL. */
export default async function ActivityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = (await requireAdminPage(canReadActivity)) ?? notFound();
  const params = await searchParams;
  const { query, total, actors, entries } = await orNotFound(async () => await listActivity(actor, params));
  const filtered = Boolean(query.category || query.actor || query.operation || query.from || query.to);
  return (
    <main className="relative flex min-h-0 flex-1 flex-col bg-slate-50">
      <div className="space-y-2.5 border-b border-slate-200 bg-white px-5 py-3">
        <Breadcrumb
          trail={[
            { href: '/media', label: 'Media' },
            { href: '/media/settings', label: 'Media settings' },
          ]}
          current="Activity"
        />
        <div className="flex items-baseline gap-3">
          <h1 className="text-xl font-semibold">Activity</h1>
          <span className="text-sm text-slate-500">
            {total === 1 ? '1 entry' : `${total.toLocaleString('en-US')} entries`}
          </span>
        </div>
        <ActivityFilters query={query} actors={actors} />
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        {entries.length > 0 ? (
          <ActivityTable entries={entries} />
        ) : (
          <div className="flex min-h-60 flex-col items-center justify-center gap-2 text-slate-500">
            <p className="text-base font-medium text-slate-700">
              {total > 0
                ? `Page ${query.page} is past the end`
                : filtered
                  ? 'No activity matches these filters'
                  : 'No activity yet'}
            </p>
            {total > 0 ? (
              <Link
                href={activityHref({ ...query, page: 1 })}
                className="text-sm font-medium text-indigo-700 hover:underline"
              >
                Go to the first page
              </Link>
            ) : (
              filtered && (
                <Link href={activityHref({})} className="text-sm font-medium text-indigo-700 hover:underline">
                  Clear filters
                </Link>
              )
            )}
          </div>
        )}
      </div>
      {total > 0 && entries.length > 0 && <ActivityPaging query={query} total={total} pageSize={ACTIVITY_PAGE} />}
    </main>
  );
}
