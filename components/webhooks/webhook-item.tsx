'use client';

import { useState, useTransition } from 'react';
import { sendTestWebhookAction } from '@/app/(admin)/webhooks/actions';
import type { WebhookView } from '@/lib/webhooks/present-webhook';
import { describeSend } from './webhook-text';

type Props = { webhook: WebhookView; onEdit: () => void; onDelete: () => void; onDeliveries: () => void };

const button =
  'rounded-md border border-slate-300 px-3 py-1 text-xs font-medium ' +
  'text-slate-700 hover:bg-slate-50 disabled:opacity-60';
const badge = 'rounded-full px-2 py-0.5 text-xs font-medium';

/** One webhook in the settings list: what it is sent and where, what waits or failed, and its buttons. */
export function WebhookItem({ webhook: w, onEdit, onDelete, onDeliveries }: Props) {
  const [test, setTest] = useState<{ ok: boolean; text: string } | null>(null);
  const [testing, startTest] = useTransition();

  const sendTest = () =>
    startTest(async () => {
      setTest(null);
      const result = await sendTestWebhookAction({ id: w.id });
      setTest(result.ok ? { ok: result.data.ok, text: describeSend(result.data) } : { ok: false, text: result.error });
    });

  return (
    <li aria-label={w.name} className="space-y-1.5 px-5 py-3.5">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{w.name}</span>
        <span className={`${badge} ${w.enabled ? 'bg-emerald-100 text-emerald-900' : 'bg-slate-200 text-slate-700'}`}>
          {w.enabled ? 'Enabled' : 'Paused'}
        </span>
        {w.source === 'env' && (
          <span
            className={`${badge} bg-sky-100 text-sky-900`}
            title="Set by KURA_MEDIA_WEBHOOK_URL and KURA_WEBHOOK_SECRET; its URL and secret change only there"
          >
            From the environment
          </span>
        )}
        <div className="ml-auto flex flex-wrap gap-2">
          <button type="button" onClick={sendTest} disabled={testing} className={button}>
            {testing ? 'Sending…' : 'Send test'}
          </button>
          <button type="button" onClick={onDeliveries} className={button}>
            Deliveries
          </button>
          <button type="button" onClick={onEdit} className={button}>
            Edit
          </button>
          <button
            type="button"
            onClick={onDelete}
            className="rounded-md border border-red-200 px-3 py-1 text-xs font-medium text-red-700 hover:bg-red-50"
          >
            Delete
          </button>
        </div>
      </div>
      <p className="font-mono text-xs break-all text-slate-600">{w.url}</p>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
        <span>{`Events: ${w.events.map((e) => e[0].toUpperCase() + e.slice(1)).join(', ')}`}</span>
        <span
          data-testid="webhook-counts"
          className={w.failed > 0 ? 'text-red-700' : w.pending > 0 ? 'text-amber-800' : undefined}
        >
          {`${w.pending} pending · ${w.failed} failed`}
        </span>
      </div>
      <p role="status" className={`text-xs empty:hidden ${test?.ok ? 'text-emerald-700' : 'text-red-700'}`}>
        {test && `Test: ${test.text}`}
      </p>
    </li>
  );
}
