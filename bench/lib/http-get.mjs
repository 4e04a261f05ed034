// A timed GET for the benchmarks: the whole body read, wall time from the request to its last byte.
import http from 'node:http';

/** Keeps connections open between sequential requests, as a browser or a CDN would. */
export const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 8 });
/** One new connection per request, as many at once as asked for. */
export const fresh = new http.Agent({ keepAlive: false, maxSockets: Infinity });

/** GET `url`; resolves to `{ status, headers, body, ms }` (body a Buffer). */
export function get(url, { headers = {}, agent = keepAlive, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get(url, { headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks),
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        }),
      );
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}
