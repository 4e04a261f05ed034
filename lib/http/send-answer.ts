import 'server-only';
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';

type PlainAnswer = { status: number; headers: Record<string, string>; body?: Readable | Buffer };

/**
 * Writes a plain answer to Node's response: headers in their order, then the bytes. A stream is piped
 * (destroyed when the client goes away; a read error cuts the response rather than end it as if whole).
 */
export function sendAnswer(res: ServerResponse, answer: PlainAnswer): void {
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.statusCode = answer.status;
  sendBody(res, answer.body);
}

/**
 * `sendAnswer` for a plain node:http server (the delivery listener): the status line and headers in one
 * `writeHead`, then `extra` (name, value, name, value…), and a Buffer body in the same write.
 */
export function writeAnswer(res: ServerResponse, answer: PlainAnswer, extra: readonly string[]): void {
  const flat: string[] = [];
  for (const name in answer.headers) flat.push(name, answer.headers[name]);
  flat.push(...extra);
  res.writeHead(answer.status, flat);
  sendBody(res, answer.body);
}

function sendBody(res: ServerResponse, body: Readable | Buffer | undefined): void {
  if (body === undefined) return void res.end();
  if (Buffer.isBuffer(body)) return void res.end(body);
  body.on('error', (err) => {
    console.error('[kura] delivery stream failed', err);
    res.destroy(err);
  });
  res.on('close', () => body.destroy());
  body.pipe(res);
}
