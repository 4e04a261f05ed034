/**
 * How the matrix asks Kura: as a browser would, without one. Members log in through next-auth's
 * credentials callback and keep its session cookie; server actions are posted the way React posts
 * them (`Next-Action` header with the build's action id, the arguments as JSON).
 */

export type Credentials = { cookie?: string; key?: string };

/** What came back, read once: status, headers, body text, and for a server action its return value. */
export type Answer = {
  status: number;
  headers: Headers;
  text: string;
  bytes?: Buffer;
  result?: { ok: boolean; error?: string; data?: unknown };
};

export const SESSION_COOKIE = 'next-auth.session-token';

/** Logs in with email and password; returns the session cookie (`name=value`). */
export async function logIn(baseURL: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookiesOf(csrf).join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error(`${email} could not log in (${res.status})`);
  return session;
}

/** The `name=value` of each cookie a response sets. */
export const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]);

const credentialHeaders = (who: Credentials): Record<string, string> => ({
  ...(who.cookie ? { Cookie: who.cookie } : {}),
  ...(who.key ? { 'X-MICROCMS-API-KEY': who.key } : {}),
});

/** Calls a server action by its id, posted to a page as React does. */
export async function callAction(baseURL: string, actionId: string, input: unknown, who: Credentials): Promise<Answer> {
  const res = await fetch(`${baseURL}/media`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Next-Action': actionId,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: baseURL,
      ...credentialHeaders(who),
    },
    body: JSON.stringify([input]),
  });
  const text = await res.text();
  // The RSC payload: line `1:` holds the action's return value as JSON.
  const line = text.split('\n').find((l) => l.startsWith('1:'));
  return { status: res.status, headers: res.headers, text, result: line ? JSON.parse(line.slice(2)) : undefined };
}

export type HttpCall = {
  path: string;
  method: string;
  json?: unknown;
  /** A form-encoded body. */
  form?: Record<string, string>;
  /** One file in the multipart part named `file`. */
  file?: { name: string; bytes: Buffer; type: string };
  headers?: Record<string, string>;
};

/** Calls a route, with the actor's cookie or key, from a Kura page (`Origin` is Kura's own). */
export async function callRoute(baseURL: string, call: HttpCall, who: Credentials): Promise<Answer> {
  let body: BodyInit | undefined;
  const headers: Record<string, string> = { Origin: baseURL, ...credentialHeaders(who), ...call.headers };
  if (call.json !== undefined) {
    body = JSON.stringify(call.json);
    headers['Content-Type'] = 'application/json';
  } else if (call.form) {
    body = new URLSearchParams(call.form);
  } else if (call.file) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(call.file.bytes)], { type: call.file.type }), call.file.name);
    body = form;
  }
  const res = await fetch(`${baseURL}${call.path}`, { method: call.method, headers, body, redirect: 'manual' });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, text: bytes.toString('utf8'), bytes };
}
