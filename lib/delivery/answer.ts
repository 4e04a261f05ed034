import 'server-only';
import type { Readable } from 'node:stream';
import { describeError } from '@/lib/errors';

/** What delivery answers, for any adapter to write: headers in the order they are sent, and a body or none. */
export type Answer = { status: number; headers: Record<string, string>; body?: Readable | Buffer };

/** A JSON answer, never cached: `headers` already decided come first. */
export const jsonAnswer = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  body: Buffer.from(JSON.stringify(body)),
});

/** A thrown error as `{"message"}` with its status (and `Retry-After` when busy), after `headers` already decided. */
export function errorAnswer(err: unknown, headers: Record<string, string>): Answer {
  const { status, message } = describeError(err);
  return jsonAnswer(status, { message }, status === 503 ? { ...headers, 'Retry-After': '1' } : headers);
}

/** Whether an `If-None-Match` header names this ETag (or any, or its weak form). */
export const matchesETag = (ifNoneMatch: string | undefined, etag: string) =>
  !!ifNoneMatch?.split(/\s*,\s*/).some((tag) => tag === etag || tag === '*' || tag === `W/${etag}`);
