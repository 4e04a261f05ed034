import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got: the headers and the raw body as sent, and what it answered. */
export type Received = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The body exactly as it arrived (what the signature covers). */
  raw: Buffer;
  body: string;
  at: number;
  answered: number | 'hang';
};

/** How to answer: a status, a status with a body (and a delay), or never (the request hangs until close). */
export type Answer = number | 'hang' | { status: number; body?: string; delayMs?: number };

type Scripted = { answer: Answer; when?: (r: Received) => boolean; times: number };

export type Receiver = {
  port: number;
  /** `http://127.0.0.1:<port>/hook` (any path is accepted). */
  url: string;
  received: Received[];
  /**
   * Queues an answer for the next request(s) matching `when` (default: any), `times` times (default 1);
   * requests nothing scripted matches get the default answer (200 "ok"). Returns a function that takes
   * the answer back (e.g. after `times: Infinity`, to let the next retry succeed).
   * @example receiver.respond(500, { when: (r) => r.body.includes(fileName) }) // fail that event once
   */
  respond(answer: Answer, options?: { when?: (r: Received) => boolean; times?: number }): () => void;
  /** The requests whose `X-Kura-Event-Type` is `type` and whose body passes `match` (default: all). */
  events(type: string, match?: (r: Received) => boolean): Received[];
  /** Drops the connections of requests left hanging (their sender sees the connection reset). */
  releaseHanging(): void;
  close(): Promise<void>;
};

/** `sha256=` + hex HMAC-SHA256 of the raw body: what `X-Kura-Signature` must be for this secret. */
export const expectedSignature = (secret: string, raw: Buffer) =>
  `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

/** Whether a received request's `X-Kura-Signature` verifies with `secret`. */
export const signedWith = (secret: string, r: Received) =>
  r.headers['x-kura-signature'] === expectedSignature(secret, r.raw);

/** A webhook receiver on 127.0.0.1 (a free port) that records every request and answers as scripted. */
export async function startReceiver(defaultAnswer: Answer = 200): Promise<Receiver> {
  const received: Received[] = [];
  const script: Scripted[] = [];
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const request: Received = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        raw,
        body: raw.toString('utf8'),
        at: Date.now(),
        answered: 200,
      };
      const i = script.findIndex((s) => !s.when || s.when(request));
      const answer = i === -1 ? defaultAnswer : script[i].answer;
      if (i !== -1 && --script[i].times === 0) script.splice(i, 1);
      request.answered = answer === 'hang' ? 'hang' : typeof answer === 'number' ? answer : answer.status;
      received.push(request);
      if (answer === 'hang') return void hanging.add(res);
      const {
        status,
        body = status < 300 ? 'ok' : 'scripted failure',
        delayMs = 0,
      } = typeof answer === 'number' ? { status: answer } : answer;
      setTimeout(() => res.writeHead(status, { 'Content-Type': 'text/plain' }).end(body), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    port,
    url: `http://127.0.0.1:${port}/hook`,
    received,
    respond: (answer, { when, times = 1 } = {}) => {
      const entry = { answer, when, times };
      script.push(entry);
      return () => void (script.includes(entry) && script.splice(script.indexOf(entry), 1));
    },
    events: (type, match = () => true) => received.filter((r) => r.headers['x-kura-event-type'] === type && match(r)),
    releaseHanging: () => {
      for (const res of hanging) res.destroy();
      hanging.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
