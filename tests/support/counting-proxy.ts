import http from 'node:http';

/**
 * An HTTP proxy in front of a server (s3rver) that counts the body bytes it answered per method and
 * path, so a test can tell whether an object was downloaded at all.
 */
export class CountingProxy {
  private server?: http.Server;
  /** `GET /bucket/key` → response body bytes sent. */
  readonly sent = new Map<string, number>();

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  get endpoint() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Body bytes answered to GETs whose path contains `part` (an object key). */
  getBytes(part: string): number {
    let total = 0;
    for (const [key, bytes] of this.sent) if (key.startsWith('GET ') && key.includes(part)) total += bytes;
    return total;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const key = `${req.method} ${(req.url ?? '').split('?')[0]}`;
      const upstream = http.request(
        { ...this.target, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.on('data', (chunk: Buffer) => this.sent.set(key, (this.sent.get(key) ?? 0) + chunk.length));
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
