import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';

const ROOT = path.resolve(__dirname, '../..');

/** s3rver's built-in account. */
export const S3RVER_KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export type BucketObject = { key: string; size: number; contentType?: string; cacheControl?: string };

/**
 * A real S3-protocol server (s3rver) on 127.0.0.1, in a process of its own so a test can stop it hard
 * (SIGKILL, as a network failure) and start it again on the same data directory. The bucket is created
 * at every start (s3rver keeps an existing one).
 */
export class S3Server {
  private child?: ChildProcess;
  output = '';
  readonly client: S3Client;

  constructor(
    readonly port: number,
    readonly dir: string,
    readonly bucket = 'kura-test',
  ) {
    this.client = new S3Client({
      region: 'us-east-1',
      endpoint: this.endpoint,
      forcePathStyle: true,
      credentials: S3RVER_KEYS,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  get endpoint() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** KURA_S3_* for a Kura server that stores new uploads in this bucket. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      KURA_S3_BUCKET: this.bucket,
      KURA_S3_REGION: 'us-east-1',
      KURA_S3_ENDPOINT: this.endpoint,
      KURA_S3_FORCE_PATH_STYLE: '1',
      KURA_S3_ACCESS_KEY_ID: S3RVER_KEYS.accessKeyId,
      KURA_S3_SECRET_ACCESS_KEY: S3RVER_KEYS.secretAccessKey,
      ...extra,
    };
  }

  async start(): Promise<void> {
    fs.mkdirSync(this.dir, { recursive: true });
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/s3rver/bin/s3rver.js'),
        '-d',
        this.dir,
        '-a',
        '127.0.0.1',
        '-p',
        String(this.port),
        '--silent',
        '--no-vhost-buckets',
        '--configure-bucket',
        this.bucket,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    child.stdout!.on('data', (d) => (this.output += d));
    child.stderr!.on('data', (d) => (this.output += d));
    const deadline = Date.now() + 20_000;
    while (!this.output.includes('S3rver listening')) {
      if (child.exitCode !== null) throw new Error(`s3rver exited: ${this.output}`);
      if (Date.now() > deadline) throw new Error(`s3rver did not start on ${this.port}: ${this.output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** A hard stop: connections in flight are cut, and the port refuses connections until `start()`. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  /** Every object in the bucket with the headers it was stored with. */
  async objects(): Promise<BucketObject[]> {
    const listed = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket }));
    const objects: BucketObject[] = [];
    for (const o of listed.Contents ?? []) {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: o.Key! }));
      objects.push({ key: o.Key!, size: o.Size ?? 0, contentType: head.ContentType, cacheControl: head.CacheControl });
    }
    return objects.sort((a, b) => a.key.localeCompare(b.key));
  }

  async bytes(key: string): Promise<Buffer> {
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return Buffer.from(await out.Body!.transformToByteArray());
  }
}
