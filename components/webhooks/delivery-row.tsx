'use client';

import { CopyButton } from '@/components/media/copy-button';
import { LocalTime } from '@/components/media/local-time';
import type { DeliveryView } from '@/lib/webhooks/list-deliveries';
import { describeSend } from './webhook-text';

const STATE_STYLES: Record<DeliveryView['state'], string> = {
  pending: 'bg-amber-100 text-amber-900',
  delivered: 'bg-emerald-100 text-emerald-900',
  failed: 'bg-red-100 text-red-900',
};
const STATE_LABELS: Record<DeliveryView['state'], string> = {
  pending: 'Pending',
  delivered: 'Delivered',
  failed: 'Failed',
};

type Props = { delivery: DeliveryView; redelivering: boolean; onRedeliver: () => void };

/** One event sent to a webhook: its state, every attempt (expandable) and the exact body, with Redeliver. */
export function DeliveryRow({ delivery: d, redelivering, onRedeliver }: Props) {
  const count = d.attempts.length;
  const last = d.attempts.at(-1);
  return (
    <li aria-label={`${d.eventType} ${d.eventId}`} data-delivery-id={d.id} className="space-y-1.5 px-5 py-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span
          data-testid="delivery-state"
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE_STYLES[d.state]}`}
        >
          {STATE_LABELS[d.state]}
        </span>
        <span className="font-mono font-medium text-slate-900">{d.eventType}</span>
        <span className="font-mono text-xs text-slate-500" title="X-Kura-Event-Id">
          {d.eventId}
        </span>
        <span className="text-xs text-slate-500">
          <LocalTime iso={d.createdAt} />
        </span>
        {d.nextAttemptAt && <span className="text-xs text-amber-800">{nextAttempt(d.nextAttemptAt)}</span>}
        <button
          type="button"
          onClick={onRedeliver}
          disabled={redelivering}
          aria-label={`Redeliver ${d.eventId}`}
          className={
            'ml-auto rounded-md border border-slate-300 px-2.5 py-1 text-xs ' +
            'font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60'
          }
        >
          {redelivering ? 'Queuing…' : 'Redeliver'}
        </button>
      </div>
      <details className="text-xs">
        <summary className="cursor-pointer text-slate-700">
          {count === 0
            ? 'No attempt yet'
            : `${count} ${count === 1 ? 'attempt' : 'attempts'}, last: ` +
              `${describeSend({ ...last!, ok: d.state === 'delivered' })}`}
        </summary>
        {count > 0 && (
          <table className="mt-1.5 w-full text-left" aria-label={`Attempts of ${d.eventId}`}>
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Time
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Status
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Error
                </th>
                <th scope="col" className="py-1 font-medium">
                  Duration
                </th>
              </tr>
            </thead>
            <tbody>
              {d.attempts.map((a, i) => (
                <tr key={i} className="border-t border-slate-100 align-top">
                  <td className="py-1 pr-3 whitespace-nowrap">
                    <time dateTime={a.at}>{new Date(a.at).toLocaleTimeString()}</time>
                  </td>
                  <td className="py-1 pr-3 font-mono">{a.status ?? '—'}</td>
                  <td className="py-1 pr-3 break-all text-red-700">{a.error ?? ''}</td>
                  <td className="py-1 whitespace-nowrap">{`${a.durationMs} ms`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
      <details className="text-xs">
        <summary className="cursor-pointer text-slate-700">Body</summary>
        <div className="mt-1.5">
          <CopyButton value={d.body} label="Copy raw body" />
        </div>
        <pre
          className={
            'mt-1.5 max-h-64 overflow-auto rounded-md bg-slate-50 ' +
            'p-2 font-mono text-[11px] leading-snug text-slate-800'
          }
        >
          {pretty(d.body)}
        </pre>
      </details>
    </li>
  );
}

function nextAttempt(iso: string): string {
  const seconds = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
  return seconds <= 0
    ? 'next attempt due now'
    : seconds < 120
      ? `next attempt in ${seconds} s`
      : `next attempt in ${Math.round(seconds / 60)} min`;
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
