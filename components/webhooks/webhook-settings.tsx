'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { deleteWebhookAction } from '@/app/(admin)/webhooks/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { WebhookView } from '@/lib/webhooks/present-webhook';
import { DeliveryLog } from './delivery-log';
import { SignatureHelp } from './signature-help';
import { WebhookDialog } from './webhook-dialog';
import { WebhookItem } from './webhook-item';
import type { WebhookScope } from './webhook-text';

type Props = { scope: WebhookScope; webhooks: WebhookView[] };

type Open = { kind: 'add' } | { kind: 'edit' | 'delete' | 'deliveries'; webhook: WebhookView } | null;

const INTRO: Record<WebhookScope['kind'], string> = {
  media:
    'Kura tells these URLs when media is uploaded, changed or deleted — from ' +
    'the library or through the API — so a site can rebuild or purge its cache.',
  content:
    'Kura tells these URLs when content of this API is created, saved or deleted — from the editor or through the API.',
};

/** The Webhooks section of Media settings and of each API's settings (Administrators only). */
export function WebhookSettings({ scope, webhooks }: Props) {
  const router = useRouter();
  const headingId = useId();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [deleting, startDelete] = useTransition();

  function done(message: string) {
    setOpen(null);
    setError(null);
    setNotice(message);
    router.refresh();
  }

  const remove = (webhook: WebhookView) =>
    startDelete(async () => {
      const result = await deleteWebhookAction({ id: webhook.id });
      if (!result.ok) return setError(result.error);
      done(`Deleted the webhook “${webhook.name}”.`);
    });

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white">
      <div className="space-y-2 border-b border-slate-100 px-5 py-4">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="max-w-2xl">
            <h2 id={headingId} className="text-base font-semibold">
              Webhooks
            </h2>
            <p className="mt-1 text-sm text-slate-600">{INTRO[scope.kind]}</p>
          </div>
          <button
            type="button"
            onClick={() => setOpen({ kind: 'add' })}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
          >
            Add webhook
          </button>
        </div>
        <SignatureHelp scope={scope.kind} />
      </div>
      <div aria-live="polite" className="text-sm text-emerald-700">
        {notice && <p className="border-b border-slate-100 px-5 py-2">{notice}</p>}
      </div>
      {webhooks.length === 0 ? (
        <p className="px-5 py-8 text-center text-sm text-slate-500">No webhooks yet.</p>
      ) : (
        <ul aria-labelledby={headingId} className="divide-y divide-slate-100">
          {webhooks.map((w) => (
            <WebhookItem
              key={w.id}
              webhook={w}
              onEdit={() => setOpen({ kind: 'edit', webhook: w })}
              onDelete={() => setOpen({ kind: 'delete', webhook: w })}
              onDeliveries={() => setOpen({ kind: 'deliveries', webhook: w })}
            />
          ))}
        </ul>
      )}
      {open?.kind === 'add' && (
        <WebhookDialog
          scope={scope}
          onCancel={() => setOpen(null)}
          onSaved={(w) => done(`Added the webhook “${w.name}”.`)}
        />
      )}
      {open?.kind === 'edit' && (
        <WebhookDialog
          scope={scope}
          webhook={open.webhook}
          onCancel={() => setOpen(null)}
          onSaved={(w) => done(`Saved the webhook “${w.name}”.`)}
        />
      )}
      {open?.kind === 'deliveries' && (
        <DeliveryLog
          webhook={open.webhook}
          onClose={() => {
            setOpen(null);
            router.refresh(); // the pending and failed counts may have moved while the log was open
          }}
        />
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete the webhook “${open.webhook.name}”?`}
          confirmLabel="Delete"
          pending={deleting}
          error={error}
          onConfirm={() => remove(open.webhook)}
          onCancel={() => (setOpen(null), setError(null))}
        >
          {`Kura stops sending to ${open.webhook.url}, and events not yet delivered are dropped with its delivery log.`}
          {open.webhook.source === 'env' && ' It comes back at the next start while KURA_MEDIA_WEBHOOK_URL is set.'}
        </ConfirmDialog>
      )}
    </section>
  );
}
