// Design notes: docs/architecture.md, "The delivery origin".
import 'server-only';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { config } from '@/lib/config';
import { jsonAnswer, type Answer } from '@/lib/delivery/answer';
import { deliver } from '@/lib/delivery/deliver';
import { writeAnswer } from '@/lib/http/send-answer';
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
  const server = http.createServer({ keepAliveTimeout: KEEP_ALIVE_MS }, (req, res) => {
    answer(req).then(
      (a) => writeAnswer(res, a, CROSS_ORIGIN),
      (err) => {
        console.error('[kura] delivery failed', err);
        res.destroy();
      },
    );
  });
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  server.timeout = 2 * 60 * 1000; // a stalled download or a silent client, as on the main port
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

/** The answer to one request of the delivery origin: an asset, or 404/405 for anything else. */
async function answer(req: http.IncomingMessage): Promise<Answer> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return ONLY_GET;
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const match = ASSET_PATH.exec(q < 0 ? url : url.slice(0, q));
  if (!match) return NOT_FOUND;
  let address;
  try {
    address = {
      service: decodeURIComponent(match[1]),
      id: decodeURIComponent(match[2]),
      fileName: decodeURIComponent(match[3]),
    };
  } catch {
    return NOT_FOUND; // not a name Kura ever wrote
  }
  return deliver(address, { method: req.method, url, headers: req.headers });
}
