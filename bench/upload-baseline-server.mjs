// The baseline of bench/upload.mjs: the least a Node server can do to receive an upload.
// node:http pipes the request into busboy; the part named `file` goes to fs.createWriteStream with
// `flush: true` (fsync before close, as Kura's local storage does), then a rename into place; 201.
// No hashing, no sniffing, no database, no web streams.
//
// Usage: node bench/upload-baseline-server.mjs <port> <dir> [features]   (prints "listening <port>")
//
// `features` (comma-separated, default none) add one of Kura's costs at a time, to see what each
// one weighs (bench/upload.mjs runs them with BENCH_UPLOAD_VARIANTS, e.g. "web hash gen"):
//   web   the body goes through a WHATWG Request the way Next's App Router makes one
//         (undici: async-iterates the IncomingMessage, copies every chunk into a byte stream),
//         then Readable.fromWeb(), as an early upload reader did
//   hash  sha256 of every byte on the main thread, as lib/media/upload-media.ts does
//   gen   the file part goes through two async generators and two Readable.from(), as takeHead()
//         and measured() in lib/media/upload-media.ts do
//   hwm   the write stream has a 1 MiB highWaterMark, as lib/storage/local.ts has
//   als   the request runs inside AsyncLocalStorage.run(), as Next runs every request (this turns
//         on Node's promise hooks: every promise, e.g. each step of an async generator, pays for them)
//   sync  an fdatasync every 16 MiB written while the upload arrives, as lib/storage/local.ts does (the disk
//         starts on the file before its last byte, instead of all of it at the final fsync)
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomBytes } from 'node:crypto';
import busboy from 'busboy';

const port = Number(process.argv[2]);
const dir = path.resolve(process.argv[3]);
const features = new Set((process.argv[4] || '').split(',').filter(Boolean));
for (const f of features)
  if (!['web', 'hash', 'gen', 'hwm', 'als', 'sync'].includes(f)) throw new Error(`Unknown feature ${f}`);
fs.mkdirSync(dir, { recursive: true });

function webBody(req) {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: req, duplex: 'half' });
  return Readable.fromWeb(request.body);
}

/** What happens to the file part between busboy and the write stream. */
function through(stream) {
  const hash = features.has('hash') ? createHash('sha256') : null;
  if (!features.has('gen')) {
    if (hash) stream.on('data', (chunk) => hash.update(chunk));
    return stream;
  }
  async function* all() {
    for await (const chunk of stream) yield chunk;
  }
  const body = Readable.from(all(), { objectMode: false });
  async function* measured() {
    for await (const chunk of body) {
      hash?.update(chunk);
      yield chunk;
    }
  }
  return Readable.from(measured(), { objectMode: false });
}

const als = new AsyncLocalStorage();

const server = http.createServer((req, res) =>
  features.has('als') ? als.run({ req }, () => handle(req, res)) : handle(req, res),
);

function handle(req, res) {
  const answer = (status, body) => {
    if (res.headersSent) return;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'GET' && req.url === '/api/health') return answer(200, { ok: true });
  if (req.method !== 'POST') return answer(404, { message: 'not found' });

  let parser;
  try {
    parser = busboy({ headers: req.headers });
  } catch (err) {
    return answer(400, { message: String(err.message) });
  }
  let writing;
  parser.on('file', (name, stream) => {
    if (name !== 'file' || writing) return void stream.resume();
    const id = randomBytes(12).toString('hex');
    const temp = path.join(dir, `${id}.part`);
    const target = path.join(dir, id);
    const out = fs.createWriteStream(temp, {
      flags: 'wx',
      flush: true,
      ...(features.has('hwm') ? { highWaterMark: 1024 * 1024 } : {}),
    });
    const syncs = features.has('sync') ? syncBehind(out) : null;
    writing = pipeline(through(stream), out).then(async () => {
      syncs?.stop();
      await fs.promises.rename(temp, target);
      return out.bytesWritten;
    });
    writing.catch(() => {}); // answered at 'close'
  });
  parser.on('close', () => {
    if (!writing) return answer(400, { message: 'no file part' });
    writing.then(
      (size) => answer(201, { size }),
      (err) => answer(500, { message: String(err.message) }),
    );
  });
  parser.on('error', (err) => answer(400, { message: String(err.message) }));
  (features.has('web') ? webBody(req) : req).pipe(parser);
}

/** An fdatasync per 16 MiB written, one at a time, while the stream is open (lib/storage/local.ts syncBehind). */
function syncBehind(out) {
  let synced = 0;
  let busy = false;
  const timer = setInterval(() => {
    const upTo = out.bytesWritten;
    if (busy || typeof out.fd !== 'number' || upTo - synced < 16 * 1024 * 1024) return;
    busy = true;
    fs.fdatasync(out.fd, () => {
      busy = false;
      synced = upTo;
    });
  }, 50);
  return { stop: () => clearInterval(timer) };
}

server.listen(port, '127.0.0.1', () => console.log(`listening ${port}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
