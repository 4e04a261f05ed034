import type { WebhookEventType } from '@/lib/webhooks/event-types';

/** Whose changes a webhook reports: the media library's, or one API's content. */
export type WebhookScope = { kind: 'media' } | { kind: 'content'; api: string };

/** Each event checkbox's label, saying what fires it; the names start with New / Edit / Delete. */
export const EVENT_LABELS: Record<WebhookScope['kind'], Record<WebhookEventType, string>> = {
  media: { new: 'New (upload)', edit: 'Edit (rename, re-upload, alt text)', delete: 'Delete' },
  content: { new: 'New (content created)', edit: 'Edit (content saved)', delete: 'Delete (content deleted)' },
};

/** The event types in the order the settings show them (the schema's list stays out of the browser bundle). */
export const EVENT_TYPES = Object.keys(EVENT_LABELS.media) as WebhookEventType[];

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** "200 OK" (the status with its reason phrase, when it is a common one). */
export const statusLine = (status: number) => (REASONS[status] ? `${status} ${REASONS[status]}` : String(status));

/**
 * One request to a webhook as people read it.
 * @example describeSend({ status: 200, ok: true, error: null, durationMs: 35 }) // "200 OK in 35 ms"
 * @example describeSend({ status: null, ok: false, error: 'ECONNREFUSED: …', durationMs: 2 }) // "ECONNREFUSED: …
 * (after 2 ms)"
 */
export function describeSend(r: {
  status: number | null;
  ok: boolean;
  error: string | null;
  durationMs: number;
}): string {
  if (r.status === null) return `${r.error ?? 'No answer'} (after ${r.durationMs} ms)`;
  const body = r.ok ? '' : (r.error ?? '').replace(/^HTTP \d+:?\s*/, ''); // what the target said, after the status
  return `${statusLine(r.status)} in ${r.durationMs} ms${body ? ` — ${body}` : ''}`;
}

/** 32 random URL-safe characters (about 190 bits): a signing secret nobody can guess. */
export function generateSecret(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => alphabet[b & 63]).join('');
}
