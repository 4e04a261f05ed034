'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { listDeliveriesAction, redeliverAction } from '@/app/(admin)/webhooks/actions';
import { ModalDialog } from '@/components/ui/modal-dialog';
import type { DeliveryView } from '@/lib/webhooks/list-deliveries';
import type { WebhookView } from '@/lib/webhooks/present-webhook';
import { DeliveryRow } from './delivery-row';

/** While something is pending, the log looks again this often, so retries show without a click. */
const REFRESH_MS = 2_000;

type Props = { webhook: WebhookView; onClose: () => void };

/** A webhook's delivery log, newest first: every event sent, its attempts and body; Redeliver; Load more. */
export function DeliveryLog({ webhook, onClose }: Props) {
  const titleId = useId();
  const closeButton = useRef<HTMLButtonElement>(null);
  const [log, setLog] = useState<{ items: DeliveryView[]; more: boolean } | null>(null);
  const items = log?.items ?? null;
  const [busy, setBusy] = useState(false);
  const [redelivering, setRedelivering] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  /** Reloads the newest page and keeps the older pages already loaded below it. */
  const refresh = useCallback(async () => {
    const result = await listDeliveriesAction({ id: webhook.id });
    if (!result.ok) return setError(result.error);
    setError(null);
    const { deliveries: fresh, more } = result.data;
    setLog((old) => {
      const oldest = fresh.at(-1)?.id;
      const older = old && more && oldest !== undefined ? old.items.filter((d) => d.id < oldest) : [];
      // With older pages kept, whether there is more is what the last "Load more" said.
      return { items: [...fresh, ...older], more: older.length > 0 ? old!.more : more };
    });
  }, [webhook.id]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads the log from a server action on open
    refresh();
  }, [refresh]);

  const anyPending = items?.some((d) => d.state === 'pending') ?? false;
  useEffect(() => {
    if (!anyPending) return;
    const timer = setTimeout(refresh, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [anyPending, items, refresh]);

  async function loadMore() {
    const last = items?.at(-1);
    if (!last) return;
    setBusy(true);
    const result = await listDeliveriesAction({ id: webhook.id, before: last.id });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setLog((old) => ({
      items: [...(old?.items ?? []), ...result.data.deliveries.filter((d) => d.id < last.id)],
      more: result.data.more,
    }));
  }

  async function redeliver(delivery: DeliveryView) {
    setRedelivering(delivery.id);
    const result = await redeliverAction({ id: webhook.id, delivery: delivery.id });
    setRedelivering(null);
    if (!result.ok) return setError(result.error);
    setNotice(`Queued ${delivery.eventType} ${delivery.eventId} again, as a new delivery at the top.`);
    await refresh();
  }

  return (
    <ModalDialog labelledBy={titleId} onClose={onClose} initialFocus={closeButton}>
      <div className="flex max-h-[85vh] flex-col">
        <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-4">
          <div className="min-w-0">
            <h2 id={titleId} className="text-base font-semibold">{`Deliveries to ${webhook.name}`}</h2>
            <p className="truncate font-mono text-xs text-slate-500">{webhook.url}</p>
          </div>
          <div className="flex shrink-0 gap-2">
            <button
              type="button"
              onClick={() => refresh()}
              className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50"
            >
              Refresh
            </button>
            <button
              ref={closeButton}
              type="button"
              onClick={onClose}
              className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50"
            >
              Close
            </button>
          </div>
        </div>
        <div aria-live="polite" className="text-sm">
          {notice && <p className="border-b border-slate-100 bg-emerald-50 px-5 py-2 text-emerald-800">{notice}</p>}
          {error && (
            <p role="alert" className="border-b border-slate-100 bg-red-50 px-5 py-2 text-red-700">
              {error}
            </p>
          )}
        </div>
        <div className="min-h-0 flex-1 overflow-auto" aria-busy={items === null}>
          {items === null ? (
            <p className="px-5 py-8 text-center text-sm text-slate-500">Loading…</p>
          ) : items.length === 0 ? (
            <p className="px-5 py-8 text-center text-sm text-slate-500">
              Nothing sent yet: deliveries appear here when a change fires this webhook.
            </p>
          ) : (
            <ol aria-label="Deliveries" className="divide-y divide-slate-100">
              {items.map((d) => (
                <DeliveryRow
                  key={d.id}
                  delivery={d}
                  redelivering={redelivering === d.id}
                  onRedeliver={() => redeliver(d)}
                />
              ))}
            </ol>
          )}
          {log?.more && (
            <div className="border-t border-slate-100 px-5 py-3 text-center">
              <button
                type="button"
                onClick={loadMore}
                disabled={busy}
                className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-60"
              >
                {busy ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </div>
      </div>
    </ModalDialog>
  );
}
