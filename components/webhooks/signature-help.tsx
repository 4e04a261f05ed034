import type { WebhookScope } from './webhook-text';

const code = 'rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.8em] text-slate-800';

const BODIES: Record<WebhookScope['kind'], string> = {
  media:
    '{ "service", "type": "new" | "edit" | "delete", "old", "new" } — each side { url, width, height, alt? } or null',
  content: '{ "service", "api", "id", "type": "new" | "edit" | "delete", "contents": { "old", "new" } }',
};

const EXAMPLE = `import { createHmac, timingSafeEqual } from 'node:crypto';

// rawBody: the request body exactly as received, before JSON.parse
const expected = Buffer.from('sha256=' + createHmac('sha256', secret).update(rawBody).digest('hex'));
const given = Buffer.from(req.headers['x-kura-signature'] ?? '');
const genuine = given.length === expected.length && timingSafeEqual(given, expected);`;

/** How a receiver checks that a request came from Kura, what it holds, and how failures are retried. */
export function SignatureHelp({ scope }: { scope: WebhookScope['kind'] }) {
  return (
    <div className="space-y-1.5 text-xs leading-relaxed text-slate-600">
      <p>
        Kura POSTs JSON: <span className="font-mono">{BODIES[scope]}</span>. Each request carries{' '}
        <code className={code}>X-Kura-Event-Type</code>, <code className={code}>X-Kura-Event-Id</code> (the same on
        every retry, so a receiver can skip repeats) and{' '}
        <code className={code}>X-Kura-Signature: sha256=&lt;hex&gt;</code>, the HMAC-SHA256 of the raw body with the
        secret.
      </p>
      <p>
        A request that fails (no answer, or a status other than 2xx) is retried with growing waits, the first within 5
        seconds, for 24 hours; one URL gets its events in order.
      </p>
      <details>
        <summary className="cursor-pointer font-medium text-slate-700">Verify the signature (Node.js)</summary>
        <pre
          className={
            'mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 ' + 'font-mono text-[11px] leading-snug text-slate-100'
          }
        >
          {EXAMPLE}
        </pre>
      </details>
    </div>
  );
}
