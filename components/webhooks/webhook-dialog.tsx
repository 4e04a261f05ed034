'use client';

import { useRef, useState } from 'react';
import { createWebhookAction, updateWebhookAction } from '@/app/(admin)/webhooks/actions';
import type { WebhookEventType } from '@/lib/webhooks/event-types';
import { CopyButton } from '@/components/media/copy-button';
import { EditDialog } from '@/components/ui/edit-dialog';
import { FieldError } from '@/components/ui/field-error';
import { inputClass } from '@/components/ui/input-class';
import { useActionForm } from '@/components/ui/use-action-form';
import type { WebhookView } from '@/lib/webhooks/present-webhook';
import { EVENT_LABELS, EVENT_TYPES, generateSecret, type WebhookScope } from './webhook-text';

type Props = {
  scope: WebhookScope;
  /** The webhook being edited; absent to add one. */
  webhook?: WebhookView;
  onCancel: () => void;
  onSaved: (webhook: WebhookView) => void;
};

type Field = 'name' | 'url' | 'secret' | 'events';
const FIELDS: Field[] = ['name', 'url', 'secret', 'events'];
const code = 'font-mono text-[0.95em] text-slate-700';

/** Add or edit a webhook: name, URL, signing secret, the events it is sent, and whether it is on. */
export function WebhookDialog({ scope, webhook, onCancel, onSaved }: Props) {
  const nameInput = useRef<HTMLInputElement>(null);
  const fromEnv = webhook?.source === 'env';
  const [name, setName] = useState(webhook?.name ?? '');
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [secret, setSecret] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(webhook?.events ?? [...EVENT_TYPES]);
  const [enabled, setEnabled] = useState(webhook?.enabled ?? true);
  const form = useActionForm(
    ({
      url,
      secret,
      ...rest
    }: {
      name: string;
      url: string;
      secret: string;
      events: WebhookEventType[];
      enabled: boolean;
    }) =>
      webhook
        ? updateWebhookAction({ id: webhook.id, changes: { ...rest, ...(fromEnv ? {} : { url, secret }) } })
        : createWebhookAction({ ...(scope.kind === 'content' ? { api: scope.api } : {}), ...rest, url, secret }),
    FIELDS,
    onSaved,
    { fieldOf: (path) => path.replace(/^changes\./, '').split('.')[0] },
  );
  const id = form.errorId;
  const hasFieldErrors = Object.keys(form.fieldErrors).length > 0;
  const fieldError = (field: Field) => <FieldError id={form.fieldErrorId(field)} message={form.fieldErrors[field]} />;

  return (
    <EditDialog
      title={webhook ? 'Edit webhook' : 'Add webhook'}
      errorId={id}
      error={form.error ?? (hasFieldErrors ? 'Check the fields marked above.' : null)}
      pending={form.pending}
      initialFocus={nameInput}
      onSubmit={() => form.submit({ name, url, secret, events, enabled })}
      onCancel={onCancel}
    >
      <div className="space-y-1">
        <label htmlFor={`${id}-name`} className="block text-sm font-medium">
          Name
        </label>
        <input
          ref={nameInput}
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={100}
          autoComplete="off"
          placeholder="Rebuild the website"
          className={inputClass}
          {...form.describe('name')}
        />
        {fieldError('name')}
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-url`} className="block text-sm font-medium">
          URL
        </label>
        <input
          id={`${id}-url`}
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          disabled={fromEnv}
          maxLength={2000}
          autoComplete="off"
          spellCheck={false}
          placeholder="https://example.com/hooks/kura"
          className={`${inputClass} font-mono disabled:bg-slate-100 disabled:text-slate-500`}
          {...form.describe('url', fromEnv ? `${id}-env` : '')}
        />
        {fieldError('url')}
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-secret`} className="block text-sm font-medium">
          Secret
        </label>
        <div className="flex gap-2">
          <input
            id={`${id}-secret`}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            disabled={fromEnv}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            placeholder={
              fromEnv
                ? 'Set by KURA_WEBHOOK_SECRET'
                : webhook
                  ? 'Leave empty to keep the current secret'
                  : 'At least 16 characters'
            }
            className={`${inputClass} min-w-0 flex-1 font-mono disabled:bg-slate-100`}
            {...form.describe('secret', `${id}-secret-hint`)}
          />
          {!fromEnv && (
            <button
              type="button"
              onClick={() => setSecret(generateSecret())}
              className={
                'rounded-md border border-slate-300 px-2.5 py-1 ' +
                'text-xs font-medium text-slate-700 hover:bg-slate-50'
              }
            >
              Generate
            </button>
          )}
          {secret && <CopyButton value={secret} label="Copy" />}
        </div>
        {fieldError('secret')}
        <p id={`${id}-secret-hint`} className="text-xs text-slate-500">
          {fromEnv ? (
            <span id={`${id}-env`}>
              This webhook comes from the environment: change its URL and secret in KURA_MEDIA_WEBHOOK_URL and
              KURA_WEBHOOK_SECRET.
            </span>
          ) : (
            <>
              Kura signs every request with it: <span className={code}>X-Kura-Signature: sha256=</span> + the hex
              HMAC-SHA256 of the raw body. Keep a copy for the receiver: it is not shown again.
            </>
          )}
        </p>
      </div>
      <fieldset
        className="space-y-1"
        aria-describedby={form.fieldErrors.events ? form.fieldErrorId('events') : undefined}
      >
        <legend className="text-sm font-medium">Events</legend>
        {EVENT_TYPES.map((type) => (
          <label key={type} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={events.includes(type)}
              onChange={(e) =>
                setEvents((list) => (e.target.checked ? [...list, type] : list.filter((t) => t !== type)))
              }
              className="h-4 w-4 rounded border-slate-300"
            />
            {EVENT_LABELS[scope.kind][type]}
          </label>
        ))}
        {fieldError('events')}
      </fieldset>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
          className="h-4 w-4 rounded border-slate-300"
        />
        Enabled
      </label>
    </EditDialog>
  );
}
