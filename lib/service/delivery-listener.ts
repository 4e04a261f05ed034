// Design notes: docs/architecture.md, "The delivery origin".
import 'server-only';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { config } from '@/lib/config';
import { jsonAnswer, type Answer } from '@/lib/delivery/answer';
import { deliver, type DeliveryRequest } from '@/lib/delivery/deliver';
import { HOT_BYTES, hotOutput, SMALL_ORIGINAL_BYTES } from '@/lib/delivery/hot-answers';
import { deliverablesGeneration, shareDeliverablesGeneration } from '@/lib/media/find-deliverable';
import { processSingleton } from '@/lib/process-singleton';
import { countDelivery, type Output } from '@/lib/usage/count-delivery';

const ASSET_PATH = /^\/assets\/([^/]+)\/([^/]+)\/([^/]+)$/;
const NOT_FOUND = jsonAnswer(404, { message: 'Not found' });
const ONLY_GET = jsonAnswer(405, { message: 'Only GET, HEAD allowed here' }, { Allow: 'GET, HEAD' });
/** After the thread stopped unexpectedly, how long before it is started again. */
const RESTART_MS = 1000;

/** The listener thread, loaded as it is (plain JavaScript, outside the bundle) from the project's directory. */
const THREAD_FILE = () => path.join(process.cwd(), 'lib', 'service', 'delivery-thread.mjs');

type FromThread =
  | { t: 'listening'; address: string; port: number }
  | { t: 'listen-failed'; message: string; code?: string }
  | { t: 'req'; id: number; method: string; url: string; headers: DeliveryRequest['headers']; plain: boolean }
  | { t: 'ack'; id: number }
  | { t: 'abort'; id: number }
  | { t: 'usage'; tallies: [mediaId: string, output: Output, bytes: number, requests: number][] };

/** A request the thread asked about, until it is answered: its streamed body, sent one chunk at a time. */
type Asked = { aborted: boolean; body: Readable | null; next: (() => void) | null };

/**
 * `KURA_DELIVERY_PORT`: a plain node:http listener beside Next's, answering only `GET`/`HEAD
 * /assets/{service}/{id}/{name}`, with no router and no session: it reads and sets no cookies. It runs on a worker
 * thread of this process (lib/service/delivery-thread.mjs), which answers repeated plain GETs from memory; everything
 * else it asks of this thread, which answers through the delivery door with this process's database connection,
 * caches and render queue. Resolves once it listens (a port in use stops the start).
 */
export async function startDeliveryListener(): Promise<void> {
  const port = config().KURA_DELIVERY_PORT;
  if (port === undefined) return;
  const state = processSingleton('deliveryListener', () => ({ started: false }));
  if (state.started) return;
  state.started = true;
  const { address, port: bound } = await startThread(port);
  const { deliveryUrl, filesUrl } = config();
  const origins = filesUrl === deliveryUrl ? deliveryUrl : `${deliveryUrl} and ${filesUrl}`;
  console.log(`[kura] delivery listening on ${address}:${bound} for ${origins}`);
}

/** Starts the thread; should it ever stop, it is started again. Resolves once it listens. */
function startThread(port: number): Promise<{ address: string; port: number }> {
  const generation = new Int32Array(new SharedArrayBuffer(4));
  shareDeliverablesGeneration(generation);
  const thread = new Worker(THREAD_FILE(), {
    workerData: { port, host: process.env.HOSTNAME || '0.0.0.0', generation, hotBytes: HOT_BYTES },
  });
  const asked = new Map<number, Asked>();
  const abort = (r: Asked) => {
    r.aborted = true;
    r.body?.destroy();
    r.next?.();
  };
  return new Promise((resolve, reject) => {
    let listening = false;
    thread.on('message', (m: FromThread) => {
      switch (m.t) {
        case 'listening':
          listening = true;
          return resolve(m);
        case 'listen-failed':
          void thread.terminate();
          return reject(Object.assign(new Error(`delivery port ${port}: ${m.message}`), { code: m.code }));
        case 'req': {
          const r: Asked = { aborted: false, body: null, next: null };
          asked.set(m.id, r);
          return void answerThread(thread, r, m).finally(() => asked.delete(m.id));
        }
        case 'ack':
          return asked.get(m.id)?.next?.();
        case 'abort': {
          const r = asked.get(m.id);
          if (r) abort(r);
          return;
        }
        case 'usage':
          for (const [mediaId, output, bytes, requests] of m.tallies) countDelivery(mediaId, output, bytes, requests);
          return;
      }
    });
    thread.on('error', (err) => {
      console.error('[kura] the delivery listener failed', err);
      if (!listening) reject(err);
    });
    thread.on('exit', (code) => {
      for (const r of asked.values()) abort(r);
      if (!listening) return reject(new Error(`the delivery listener stopped at start (exit code ${code})`));
      console.error(`[kura] the delivery listener stopped (exit code ${code}); starting it again`);
      setTimeout(
        () => void startThread(port).catch((err) => console.error('[kura] delivery listener restart failed', err)),
        RESTART_MS,
      ).unref();
    });
  });
}

/** Answers one request the thread could not answer from memory; a failure cuts that response. */
async function answerThread(thread: Worker, r: Asked, m: FromThread & { t: 'req' }): Promise<void> {
  try {
    const generation = deliverablesGeneration();
    const { answer: a, mediaId } = await answer(m);
    if (r.aborted) {
      if (a.body && !Buffer.isBuffer(a.body)) a.body.destroy(); // the client went away meanwhile
      return;
    }
    const kept = m.plain && mediaId !== null && a.status === 200 ? await inMemory(a) : null;
    const sent = kept ?? a;
    const headers: string[] = [];
    for (const name in sent.headers) headers.push(name, sent.headers[name]);
    const output = kept && generation !== null ? hotOutput(kept) : null;
    if (sent.body === undefined || Buffer.isBuffer(sent.body)) {
      const body = sent.body === undefined ? undefined : new Uint8Array(sent.body); // a copy of its own, to hand over
      const keep = output && mediaId && generation !== null ? { mediaId, output, generation } : undefined;
      thread.postMessage(
        { t: 'answer', id: m.id, status: sent.status, headers, body, keep },
        body ? [body.buffer] : [],
      );
      return;
    }
    thread.postMessage({ t: 'answer', id: m.id, status: sent.status, headers, streamed: true });
    await stream(thread, r, m.id, sent.body);
  } catch (err) {
    if (r.aborted) return; // a body destroyed because the client went away
    console.error('[kura] delivery failed', err);
    thread.postMessage({ t: 'fail', id: m.id });
  }
}

/** Sends a streamed body to the thread a chunk at a time, each once the one before was written out (backpressure). */
async function stream(thread: Worker, r: Asked, id: number, body: Readable): Promise<void> {
  r.body = body;
  for await (const chunk of body) {
    if (r.aborted) return;
    const copy = new Uint8Array(chunk as Buffer);
    const written = new Promise<void>((resolve) => (r.next = resolve));
    thread.postMessage({ t: 'chunk', id, chunk: copy }, [copy.buffer]);
    await written;
    r.next = null;
    if (r.aborted) return;
  }
  thread.postMessage({ t: 'end', id });
}

/** The answer to one request of the delivery origin: an asset, or 404/405 for anything else; and its media id. */
async function answer(m: FromThread & { t: 'req' }): Promise<{ answer: Answer; mediaId: string | null }> {
  if (m.method !== 'GET' && m.method !== 'HEAD') return { answer: ONLY_GET, mediaId: null };
  const q = m.url.indexOf('?');
  const match = ASSET_PATH.exec(q < 0 ? m.url : m.url.slice(0, q));
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
  return { answer: await deliver(address, { method: m.method, url: m.url, headers: m.headers }), mediaId: address.id };
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
