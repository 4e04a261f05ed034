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
