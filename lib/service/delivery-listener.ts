// Design notes: docs/architecture.md, "The delivery origin".
import 'server-only';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { config } from '@/lib/config';
import { jsonAnswer, type Answer } from '@/lib/delivery/answer';
import { deliver } from '@/lib/delivery/deliver';
import { hotAnswer, keepHot, SMALL_ORIGINAL_BYTES } from '@/lib/delivery/hot-answers';
import { writeAnswer } from '@/lib/http/send-answer';
import { deliverablesGeneration } from '@/lib/media/find-deliverable';
import { processSingleton } from '@/lib/process-singleton';

const ASSET_PATH = /^\/assets\/([^/]+)\/([^/]+)\/([^/]+)$/;
/** On every answer of the delivery origin: any site may read its bytes and its timings. */
const CROSS_ORIGIN = ['Access-Control-Allow-Origin', '*', 'Timing-Allow-Origin', '*'];
const NOT_FOUND = jsonAnswer(404, { message: 'Not found' });
const ONLY_GET = jsonAnswer(405, { message: 'Only GET, HEAD allowed here' }, { Allow: 'GET, HEAD' });
/** Longer than the idle timeouts of CDNs and load balancers (60 s), so they never send on a closing connection. */
const KEEP_ALIVE_MS = 65_000;

/**
 * `KURA_DELIVERY_PORT`: a plain node:http listener in this same process beside Next's, answering only
 * `GET`/`HEAD /assets/{service}/{id}/{name}` through the delivery door (the database connection, caches and
 * render queue are this process's own). No router, no session: it reads and sets no cookies. Resolves once it
 * listens (a port in use stops the start).
 */
export async function startDeliveryListener(): Promise<void> {
  const port = config().KURA_DELIVERY_PORT;
  if (port === undefined) return;
  const state = processSingleton('deliveryListener', () => ({ server: null as http.Server | null }));
  if (state.server) return;
  // No Nagle delay: an answer is one write, and the next request on the connection should not wait for an ACK.
  const server = http.createServer({ keepAliveTimeout: KEEP_ALIVE_MS, noDelay: true }, (req, res) => {
    const url = req.url ?? '/';
    const plain = req.method === 'GET' && !req.headers.range && !req.headers['if-none-match'];
    // The hot path: a variant or small original answered before, unchanged since: status line, prepared headers and
    // bytes in one write, nothing parsed or looked up.
    const hot = plain ? hotAnswer(url, req.headers.accept) : null;
    if (hot) {
      res.writeHead(200, hot.headers as string[]);
      res.end(hot.body);
      return;
    }
    const generation = deliverablesGeneration();
    answer(req, url)
      .then(async ({ answer: a, mediaId }) => {
        if (!plain || mediaId === null || a.status !== 200) return send(res, a);
        const kept = await inMemory(a);
        if (kept) keepHot(url, req.headers.accept, mediaId, kept, generation, CROSS_ORIGIN);
        send(res, kept ?? a);
      })
      .catch((err) => {
        console.error('[kura] delivery failed', err);
        res.destroy();
      });
  });
  // A client that connects and sends nothing is cut by the headers timeout; one that stops reading a streamed
  // download, by the idle timeout `send` sets on that answer (not on every socket: re-arming a socket timer on each
  // request was a measurable part of a cached hit).
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  state.server = server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, process.env.HOSTNAME || '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port: bound } = server.address() as AddressInfo;
  console.log(`[kura] delivery listening on ${address}:${bound} for ${config().deliveryUrl}`);
}

/** A download that sends nothing for this long (the client stopped reading) is cut, as on the main port. */
const STALLED_MS = 2 * 60 * 1000;

/** Writes an answer with the origin's headers; a streamed body gets the stalled-download timeout. */
function send(res: http.ServerResponse, a: Answer): void {
  if (a.body !== undefined && !Buffer.isBuffer(a.body)) res.setTimeout(STALLED_MS);
  writeAnswer(res, a, CROSS_ORIGIN);
}

/** The answer to one request of the delivery origin: an asset, or 404/405 for anything else; and its media id. */
async function answer(req: http.IncomingMessage, url: string): Promise<{ answer: Answer; mediaId: string | null }> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return { answer: ONLY_GET, mediaId: null };
  const q = url.indexOf('?');
  const match = ASSET_PATH.exec(q < 0 ? url : url.slice(0, q));
  if (!match) return { answer: NOT_FOUND, mediaId: null };
  let address;
  try {
    address = {
      service: decodeURIComponent(match[1]),
      id: decodeURIComponent(match[2]),
      fileName: decodeURIComponent(match[3]),
    };
  } catch {
    return { answer: NOT_FOUND, mediaId: null }; // not a name Kura ever wrote
  }
  return { answer: await deliver(address, { method: req.method, url, headers: req.headers }), mediaId: address.id };
}

/**
 * A 200 with its bytes in memory, to keep hot: a variant already is; a small original is read whole (the stream
 * `deliver` opened). Null for a larger original, which keeps streaming.
 */
async function inMemory(a: Answer): Promise<(Answer & { body: Buffer }) | null> {
  if (Buffer.isBuffer(a.body)) return a as Answer & { body: Buffer };
  const length = Number(a.headers['Content-Length']);
  if (!a.body || !(length <= SMALL_ORIGINAL_BYTES)) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of a.body) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (body.length !== length) throw new Error(`the stored file has ${body.length} bytes, its record ${length}`);
  return { ...a, body };
}
