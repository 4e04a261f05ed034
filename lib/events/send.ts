import 'server-only';
import http from 'node:http';
import https from 'node:https';
import { guardedAgent, privateTargetsAllowed } from '@/lib/net/target-guard';
import { signature } from './sign';

/** How long one attempt may take before it counts as failed. */
export const SEND_TIMEOUT_MS = 10_000;
/** A target's answer is read up to this much, then the connection is dropped. */
export const ANSWER_CAP_BYTES = 64 * 1024;
const KEPT_ERROR_CHARS = 300;

export type SendResult = { status: number | null; ok: boolean; error: string | null; durationMs: number };

/**
 * One POST of a webhook body, signed; never throws: what happened is the result. A URL entered in the UI
 * reaches public addresses only (checked on the address actually connected to); `operator` marks the
 * environment's own webhook, which may point anywhere.
 */
export async function sendWebhook(
  target: { url: string; secret: string; operator?: boolean },
  event: { id: string; type: string; body: string },
  timeoutMs = SEND_TIMEOUT_MS,
): Promise<SendResult> {
  const started = Date.now();
  try {
    const { status, text } = await post(target, event, timeoutMs);
    const ok = status >= 200 && status < 300;
    const error = ok ? null : `HTTP ${status}${text ? `: ${text.slice(0, KEPT_ERROR_CHARS)}` : ''}`;
    return { status, ok, error, durationMs: Date.now() - started };
  } catch (err) {
    return { status: null, ok: false, error: describeFailure(err, timeoutMs), durationMs: Date.now() - started };
  }
}

function post(
  target: { url: string; secret: string; operator?: boolean },
  event: { id: string; type: string; body: string },
  timeoutMs: number,
) {
  const url = new URL(target.url);
  const protocol = url.protocol === 'https:' ? 'https:' : 'http:';
  const agent = guardedAgent(protocol, !target.operator && !privateTargetsAllowed());
  const request = protocol === 'https:' ? https.request : http.request;
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      agent,
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(event.body),
        'User-Agent': 'Kura-Webhook/1',
        'X-Kura-Signature': signature(target.secret, event.body),
        'X-Kura-Event-Id': event.id,
        'X-Kura-Event-Type': event.type,
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () =>
        resolve({
          status: res.statusCode ?? 0,
          text: Buffer.concat(chunks).subarray(0, ANSWER_CAP_BYTES).toString('utf8'),
        });
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= ANSWER_CAP_BYTES) {
          done();
          res.destroy(); // the rest is never read
        }
      });
      res.on('end', done);
      res.on('error', () => done());
    });
    req.end(event.body);
  }).finally(() => agent.destroy());
}

function describeFailure(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return `No answer within ${timeoutMs / 1000} s`;
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  const code = (cause as { code?: string })?.code;
  const message = cause instanceof Error ? cause.message : String(cause);
  if (code === 'EPRIVATETARGET') return `Refused: ${message}`;
  return code ? `${code}: ${message}` : message;
}
