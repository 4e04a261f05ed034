import 'server-only';
import type { NextApiRequest, NextApiResponse } from 'next';
import { describeError } from '@/lib/errors';

type Handler = (req: NextApiRequest, res: NextApiResponse) => Promise<unknown>;

/**
 * A Pages API route (raw Node request and response: streamed bodies, exact Content-Length) with
 * one handler per method and the same error mapping as every other route: `{"message"}` + status.
 */
export function pagesRoute(handlers: Partial<Record<'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Handler>>) {
  const allow = Object.keys(handlers).join(', ');
  return async function route(req: NextApiRequest, res: NextApiResponse) {
    const handler = handlers[req.method as keyof typeof handlers];
    if (!handler) {
      res.setHeader('Allow', allow);
      return sendJson(res, 405, { message: `Only ${allow} allowed here` });
    }
    try {
      await handler(req, res);
    } catch (err) {
      const { status, message } = describeError(err);
      if (status === 503) res.setHeader('Retry-After', '1');
      if (!res.headersSent) sendJson(res, status, { message });
      else res.destroy();
    }
  };
}

/** JSON without the body ETag `res.json` adds. */
export function sendJson(res: NextApiResponse, status: number, body: unknown) {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.status(status).end(JSON.stringify(body));
}

/** A Node request's headers as web `Headers`, for code shared with App Router handlers. */
export function headersOf(req: NextApiRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}
