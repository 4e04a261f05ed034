import 'server-only';
import http from 'node:http';
import { config } from '@/lib/config';

/** A connection that sends nothing for this long is closed (a stalled download, a silent client). */
const IDLE_MS = 2 * 60 * 1000;
/** An upload slower than this, averaged over a window, is cut. */
const MIN_UPLOAD_BYTES_PER_S = 16 * 1024;

/** Routes whose bodies may take longer than the request timeout: they get a minimum rate instead. */
const UPLOAD_ROUTES: [method: string, path: RegExp][] = [
  ['POST', /^\/api\/media\/upload\/?$/],
  ['PUT', /^\/api\/media\/[^/]+\/file\/?$/],
  ['POST', /^\/api\/v1\/media\/?$/],
  ['PUT', /^\/api\/v1\/media\/[^/]+\/file\/?$/],
];

/**
 * Node ends any request still arriving after `requestTimeout` (5 minutes), which would cut a 1 GiB
 * upload on a link slower than ~3.6 MB/s. Node applies it to every request of the server and offers
 * no public way to exempt one: the check runs in `checkConnections` on the parser's start time, kept
 * in C++ (`ConnectionsList`), out of reach without internals that change between releases. So we set
 * the server's `requestTimeout` to 0 and enforce the same limit ourselves on every request but
 * uploads, which get a minimum transfer rate instead; `headersTimeout` stays Node's.
 * `next start` creates and starts its server before instrumentation runs, so we find it among the
 * process's handles.
 */
export function guardSlowClients(): void {
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  const servers = handles.filter((h): h is http.Server => h instanceof http.Server);
  for (const server of servers) {
    server.requestTimeout = 0;
    server.timeout = IDLE_MS;
    server.on('request', watchRequest);
  }
  if (servers.length === 0) console.warn('[kura] HTTP server not found: uploads taking over 5 minutes will be cut');
}

function watchRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
  const { KURA_REQUEST_TIMEOUT_MS, KURA_UPLOAD_MIN_RATE_WINDOW_MS: window } = config();
  const path = (req.url ?? '/').split('?')[0];
  const upload = UPLOAD_ROUTES.some(([method, route]) => req.method === method && route.test(path));
  const socket = req.socket;
  let timer: NodeJS.Timeout;
  if (upload) {
    // Bytes read off the socket, not bytes consumed by the route: they count even while a refusal drains.
    let last = socket.bytesRead;
    const minimum = (MIN_UPLOAD_BYTES_PER_S * window) / 1000;
    timer = setInterval(() => {
      if (req.complete) return clearInterval(timer);
      const read = socket.bytesRead - last;
      last = socket.bytesRead;
      if (read < minimum)
        cut(res, `The upload was slower than 16 KB/s over ${window / 1000} s and was stopped; nothing was stored`);
    }, window);
  } else if (KURA_REQUEST_TIMEOUT_MS > 0) {
    timer = setTimeout(() => {
      if (!req.complete)
        cut(res, `The request did not arrive within ${Math.round(KURA_REQUEST_TIMEOUT_MS / 1000)} s and was stopped`);
    }, KURA_REQUEST_TIMEOUT_MS);
  } else return;
  timer.unref();
  // An answer sent before the body has arrived (a refusal) does not end the watch: the body still must.
  req.once('close', () => clearTimeout(timer));
  res.once('close', () => req.complete && clearTimeout(timer));
}

/**
 * Answers 408 straight on the socket, as Node's own request timeout does (the route still owns `res`
 * and learns of the end through the request's `close`), then closes the connection. It is closed a
 * moment later rather than at once, so the client, still sending, reads the answer instead of a reset.
 */
function cut(res: http.ServerResponse, message: string): void {
  const socket = res.socket;
  if (!socket || socket.destroyed) return;
  if (!res.headersSent && socket.writable) {
    const body = JSON.stringify({ message });
    socket.end(
      'HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  setTimeout(() => socket.destroy(), 1000).unref();
}
