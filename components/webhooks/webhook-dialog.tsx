'use client';

import { useId, useRef, useState, useTransition } from 'react';
import { createWebhookAction, updateWebhookAction } from '@/app/(admin)/webhooks/actions';
import type { WebhookEventType } from '@/lib/webhooks/event-types';
import { CopyButton } from '@/components/media/copy-button';
import { EditDialog } from '@/components/ui/edit-dialog';
import { inputClass } from '@/components/ui/input-class';
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
const code = 'font-mono text-[0.95em] text-slate-700';

/** Add or edit a webhook: name, URL, signing secret, the events it is sent, and whether it is on. */
export function WebhookDialog({ scope, webhook, onCancel, onSaved }: Props) {
  const id = useId();
  const nameInput = useRef<HTMLInputElement>(null);
  const fromEnv = webhook?.source === 'env';
  const [name, setName] = useState(webhook?.name ?? '');
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [secret, setSecret] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(webhook?.events ?? [...EVENT_TYPES]);
  const [enabled, setEnabled] = useState(webhook?.enabled ?? true);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [pending, startTransition] = useTransition();

  function submit() {
    startTransition(async () => {
      const result = webhook
        ? await updateWebhookAction({
            id: webhook.id,
            changes: { name, events, enabled, ...(fromEnv ? {} : { url, secret }) },
          })
        : await createWebhookAction({
            ...(scope.kind === 'content' ? { api: scope.api } : {}),
            name,
            url,
            secret,
            events,
            enabled,
          });
      if (result.ok) return onSaved(result.data);
      const byField = Object.fromEntries(
        Object.entries(result.fieldErrors ?? {}).map(([path, message]) => [
          path.replace(/^changes\./, '').split('.')[0],
          message,
        ]),
      );
      setFieldErrors(byField);
      setError(
        Object.keys(byField).some((f) => ['name', 'url', 'secret', 'events'].includes(f))
          ? 'Check the fields marked above.'
          : result.error,
      );
    });
  }

  const described = (field: Field, ...more: string[]) => ({
    'aria-invalid': fieldErrors[field] ? true : undefined,
    'aria-describedby': [fieldErrors[field] ? `${id}-${field}-error` : '', ...more, `${id}-error`]
      .filter(Boolean)
      .join(' '),
  });
  const fieldError = (field: Field) => (
    <p id={`${id}-${field}-error`} className="text-xs text-red-600 empty:hidden">
      {fieldErrors[field]}
    </p>
  );

  return (
    <EditDialog
      title={webhook ? 'Edit webhook' : 'Add webhook'}
      errorId={`${id}-error`}
      error={error}
      pending={pending}
      initialFocus={nameInput}
      onSubmit={submit}
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
          {...described('name')}
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
          {...described('url', fromEnv ? `${id}-env` : '')}
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
            {...described('secret', `${id}-secret-hint`)}
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
      <fieldset className="space-y-1" aria-describedby={fieldErrors.events ? `${id}-events-error` : undefined}>
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
