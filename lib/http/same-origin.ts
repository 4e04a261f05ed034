import 'server-only';

/**
 * Whether a cookie-authenticated request comes from a Kura page: the browser says so
 * (`Sec-Fetch-Site: same-origin`, which pages cannot forge), or its `Origin` is our host.
 */
export function fromKuraPage(headers: Headers): boolean {
  if (headers.get('sec-fetch-site') === 'same-origin') return true;
  const origin = headers.get('origin');
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  if (!origin || !host || !URL.canParse(origin)) return false;
  return new URL(origin).host === host;
}
