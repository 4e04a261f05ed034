// The benchmarks' upload client: one file as the multipart part `file`, streamed from disk in a
// hand-built body with a Content-Length, timed from the first request byte to the end of the answer.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';

const MiB = 1024 * 1024;

/** POSTs `file` (`size` bytes) to 127.0.0.1:port`path`; resolves to `{ status, body, ms }` (body parsed when JSON). */
export function uploadFile({
  port,
  path,
  headers = {},
  file,
  size = fs.statSync(file).size,
  fileName,
  timeoutMs = 180_000,
}) {
  const boundary = `----kura-bench-${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; ` +
      `filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path,
      headers: {
        ...headers,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + size + tail.length),
      },
    });
    const timer = setTimeout(() => req.destroy(new Error(`upload timed out after ${timeoutMs} ms`)), timeoutMs);
    const done = (err, value) => {
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(value);
    };
    req.on('error', (err) => done(err));
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', (err) => done(err));
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const text = Buffer.concat(chunks).toString('utf8');
        let body;
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
        done(null, { status: res.statusCode, body, ms });
      });
    });
    req.write(head);
    const source = fs.createReadStream(file, { highWaterMark: MiB });
    source.on('error', (err) => req.destroy(err));
    source.on('end', () => req.end(tail));
    source.pipe(req, { end: false });
  });
}
