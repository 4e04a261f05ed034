// The delivery origin's listener, on a worker thread of the serving process (design notes: docs/architecture.md,
// "The delivery origin"). Plain JavaScript: a worker thread loads this file as it is, outside Next's bundle.
//
// Why a thread: Next turns on AsyncLocalStorage for the whole process, and with it async hooks that run for every
// socket, parser and promise of every request; the main thread's heap is Next's, so its collections are Next's too.
// A cached hit is a few microseconds of work, and those costs were a quarter of it. Here a hit is answered by a
// thread with neither. Everything that is not a hit (a first request, a Range, a conditional or HEAD request, a
// render) is asked of the main thread, which answers it through the delivery door with the process's database
// connection, caches and render queue, exactly as before.
//
// Messages, thread → main: {t:'listening', address, port} | {t:'listen-failed', message, code} once at start;
// {t:'req', id, method, url, headers}; {t:'ack', id} (a chunk was written out: send the next);
// {t:'abort', id} (the client went away); {t:'usage', tallies: [mediaId, output, bytes, requests][]}.
// Main → thread: {t:'answer', id, status, headers (name, value, …), body?: Uint8Array, streamed?: true,
// keep?: {mediaId, output, generation}}; {t:'chunk', id, chunk: Uint8Array}; {t:'end', id}; {t:'fail', id}.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { LRUCache } from 'lru-cache';

/** @type {{ port: number, host: string, generation: Int32Array, hotBytes: number }} */
const { port, host, generation, hotBytes } = workerData;

/** On every answer of the delivery origin: any site may read its bytes and its timings. */
const CROSS_ORIGIN = ['Access-Control-Allow-Origin', '*', 'Timing-Allow-Origin', '*'];
/** Longer than the idle timeouts of CDNs and load balancers (60 s), so they never send on a closing connection. */
const KEEP_ALIVE_MS = 65_000;
/** A download that sends nothing for this long (the client stopped reading) is cut, as on the main port. */
const STALLED_MS = 2 * 60 * 1000;
/** How often counts of hits go to the main thread, which adds them to Media settings → Usage. */
const USAGE_EVERY_MS = 200;

/**
 * Whole 200s answered before, by path and query as sent and `Accept`: the status line's headers flattened once and
 * the bytes. Each carries the main thread's count of media changes from before it was built
 * (`deliverablesGeneration`, shared through `generation`): after any change on any instance it is stale.
 * @type {LRUCache<string, { headers: string[], body: Buffer, mediaId: string, output: string, generation: number }>}
 */
const hot = new LRUCache({
  maxSize: hotBytes,
  maxEntrySize: hotBytes / 32,
  sizeCalculation: (a) => Math.max(1, a.body.length),
});

/** Requests waiting for the main thread, by id. @type {Map<number, http.ServerResponse>} */
const waiting = new Map();
let nextId = 1;

/** Hits not yet reported, by `${output} ${mediaId}`. @type {Map<string, { bytes: number, requests: number }>} */
let tallies = new Map();

const keyOf = (url, accept) => `${url}\n${accept ?? ''}`;

// No Nagle delay: an answer is one write, and the next request on the connection should not wait for an ACK.
const server = http.createServer({ keepAliveTimeout: KEEP_ALIVE_MS, noDelay: true }, (req, res) => {
  const url = req.url ?? '/';
  const { accept, range } = req.headers;
  const plain = req.method === 'GET' && range === undefined && req.headers['if-none-match'] === undefined;
  if (plain) {
    const key = keyOf(url, accept);
    const hit = hot.get(key);
    if (hit !== undefined) {
      if (hit.generation === Atomics.load(generation, 0)) {
        res.writeHead(200, hit.headers);
        res.end(hit.body);
        count(hit.mediaId, hit.output, hit.body.length);
        return;
      }
      hot.delete(key);
    }
  }
  const id = nextId++;
  waiting.set(id, res);
  res.on('close', () => {
    if (waiting.delete(id)) parentPort.postMessage({ t: 'abort', id });
  });
  const headers = { accept, range, 'if-none-match': req.headers['if-none-match'], 'if-range': req.headers['if-range'] };
  parentPort.postMessage({ t: 'req', id, method: req.method, url, headers, plain });
});
// A client that connects and sends nothing is cut by the headers timeout; one that stops reading a streamed
// download, by the idle timeout set on that answer (not on every socket: re-arming a socket timer on each request
// was a measurable part of a cached hit).
server.headersTimeout = KEEP_ALIVE_MS + 1000;

parentPort.on('message', (m) => {
  const res = waiting.get(m.id);
  if (res === undefined) return; // the client went away meanwhile (the main thread was told)
  switch (m.t) {
    case 'answer': {
      const headers = [...m.headers, ...CROSS_ORIGIN];
      res.writeHead(m.status, headers);
      if (m.streamed) {
        res.setTimeout(STALLED_MS, () => res.destroy());
        return;
      }
      waiting.delete(m.id);
      const body = m.body === undefined ? undefined : Buffer.from(m.body.buffer, m.body.byteOffset, m.body.length);
      res.end(body);
      if (m.keep && body !== undefined)
        hot.set(keyOf(res.req.url ?? '/', res.req.headers.accept), { headers, body, ...m.keep });
      return;
    }
    case 'chunk': {
      const ack = () => parentPort.postMessage({ t: 'ack', id: m.id });
      if (res.write(Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.length))) ack();
      else res.once('drain', ack);
      return;
    }
    case 'end':
      waiting.delete(m.id);
      res.end();
      return;
    case 'fail':
      // A stored file that could not be read to its end: cut the response rather than end it as if whole.
      waiting.delete(m.id);
      res.destroy();
      return;
  }
});

/** Counts a hit, for the main thread's usage counts. */
function count(mediaId, output, bytes) {
  const key = `${output} ${mediaId}`;
  const tally = tallies.get(key);
  if (tally) {
    tally.bytes += bytes;
    tally.requests++;
  } else tallies.set(key, { bytes, requests: 1 });
}

setInterval(() => {
  if (tallies.size === 0) return;
  const sent = [];
  for (const [key, t] of tallies) {
    const space = key.indexOf(' ');
    sent.push([key.slice(space + 1), key.slice(0, space), t.bytes, t.requests]);
  }
  tallies = new Map();
  parentPort.postMessage({ t: 'usage', tallies: sent });
}, USAGE_EVERY_MS).unref();

server.once('error', (err) => parentPort.postMessage({ t: 'listen-failed', message: err.message, code: err.code }));
server.listen(port, host, () => {
  const { address, port: bound } = /** @type {import('node:net').AddressInfo} */ (server.address());
  parentPort.postMessage({ t: 'listening', address, port: bound });
});
