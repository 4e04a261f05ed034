import 'server-only';
import { signature } from './sign';

/** How long one attempt may take before it counts as failed. */
export const SEND_TIMEOUT_MS = 10_000;
const KEPT_ERROR_CHARS = 300;

export type SendResult = { status: number | null; ok: boolean; error: string | null; durationMs: number };

/** One POST of a webhook body, signed; never throws: what happened is the result. */
export async function sendWebhook(
  target: { url: string; secret: string },
  event: { id: string; type: string; body: string },
  timeoutMs = SEND_TIMEOUT_MS,
): Promise<SendResult> {
  const started = Date.now();
  try {
    const res = await fetch(target.url, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Kura-Webhook/1',
        'X-Kura-Signature': signature(target.secret, event.body),
        'X-Kura-Event-Id': event.id,
        'X-Kura-Event-Type': event.type,
      },
      body: event.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text().catch(() => '');
    const ok = res.status >= 200 && res.status < 300;
    const error = ok ? null : `HTTP ${res.status}${text ? `: ${text.slice(0, KEPT_ERROR_CHARS)}` : ''}`;
    return { status: res.status, ok, error, durationMs: Date.now() - started };
  } catch (err) {
    return { status: null, ok: false, error: describeFailure(err, timeoutMs), durationMs: Date.now() - started };
  }
}

function describeFailure(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return `No answer within ${timeoutMs / 1000} s`;
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  const code = (cause as { code?: string })?.code;
  const message = cause instanceof Error ? cause.message : String(cause);
  return code ? `${code}: ${message}` : message;
}
