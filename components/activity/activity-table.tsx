import Link from 'next/link';
import { LocalTime } from '@/components/media/local-time';
import type { ActivityQuery, ActivityRow } from '@/lib/activity/list-activity';
import { ActivityChange } from './activity-change';
import { activityHref, actorLabel, OPERATION_LABELS } from './activity-labels';

const th = 'border-b border-slate-200 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500';
const td = 'border-b border-slate-100 px-3 py-2 align-top text-slate-700';

/** The audit log, newest first: when, who, what, which media (or member, role, key…) and the values before → after. */
export function ActivityTable({ entries }: { entries: ActivityRow[] }) {
  return (
    <table className="w-full border-separate border-spacing-0 bg-white text-sm" aria-label="Activity">
      <thead className="sticky top-0 z-10 bg-slate-50">
        <tr>
          <th scope="col" className={`${th} pl-5`}>
            Time
          </th>
          <th scope="col" className={th}>
            Who
          </th>
          <th scope="col" className={th}>
            Operation
          </th>
          <th scope="col" className={th}>
            Subject
          </th>
          <th scope="col" className={`${th} pr-5`}>
            Change
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-operation={e.operation} className="hover:bg-slate-50">
            <td className={`${td} pl-5 whitespace-nowrap`}>
              <LocalTime iso={e.at} />
            </td>
            <td className={`${td} whitespace-nowrap`}>{actorLabel(e.actor)}</td>
            <td className={`${td} whitespace-nowrap font-medium text-slate-900`}>{OPERATION_LABELS[e.operation]}</td>
            <td className={`${td} max-w-64 break-all`}>
              {e.mediaExists ? (
                <Link href={`/media?selected=${e.mediaId}`} className="font-medium text-indigo-700 hover:underline">
                  {e.target}
                </Link>
              ) : (
                <span
                  className={e.mediaId ? 'text-slate-500' : undefined}
                  title={e.mediaId ? 'No longer in the library under this id' : undefined}
                >
                  {e.target}
                </span>
              )}
            </td>
            <td className={`${td} pr-5`}>
              <ActivityChange entry={e} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "51–100 of 240" with Previous / Next links that keep the filters. */
export function ActivityPaging({ query, total, pageSize }: { query: ActivityQuery; total: number; pageSize: number }) {
  const first = (query.page - 1) * pageSize + 1;
  const last = Math.min(total, query.page * pageSize);
  const link = 'font-medium text-indigo-700 hover:underline';
  return (
    <nav
      aria-label="Pages"
      className="flex items-center justify-center gap-4 border-t border-slate-200 bg-white py-2 text-sm"
    >
      {query.page > 1 ? (
        <Link href={activityHref({ ...query, page: query.page - 1 })} className={link}>
          ← Previous
        </Link>
      ) : (
        <span className="text-slate-300" aria-disabled="true">
          ← Previous
        </span>
      )}
      <span className="text-slate-500" data-testid="activity-range">
        {total === 0 ? '0 of 0' : `${first}–${last} of ${total.toLocaleString('en-US')}`}
      </span>
      {last < total ? (
        <Link href={activityHref({ ...query, page: query.page + 1 })} className={link}>
          Next →
        </Link>
      ) : (
        <span className="text-slate-300" aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}
