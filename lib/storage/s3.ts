import 'server-only';
import { randomBytes } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type https from 'node:https';
import { KuraError } from '@/lib/errors';
import { guardedAgent } from '@/lib/net/target-guard';
import { describeS3Error } from './s3-errors';
import type { ByteRange, ObjectMeta, Storage } from './storage';

/** Where and how to reach one bucket; `credentials: null` uses the SDK's default chain. */
export type S3Location = {
  bucket: string;
  region: string;
  endpoint: string | null;
  forcePathStyle: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  prefix: string;
  publicUrl: string | null;
  fixFileNames: boolean;
};

/** Parts of a multipart upload: memory held per upload is about PART_BYTES × PARTS_AT_ONCE. */
const PART_BYTES = 8 * 1024 * 1024;
const PARTS_AT_ONCE = 2;

/**
 * The AWS SDK, loaded on first use: a server without a bucket never holds it in memory (about 20 MiB of code).
 * @example const { GetObjectCommand } = await s3Sdk();
 */
export const s3Sdk = () => import('@aws-sdk/client-s3');

/**
 * A client for one bucket; `quick` (the connection test) tries once, with short timeouts. `guard`: an
 * endpoint entered in the UI, reached only on public addresses (lib/net/target-guard.ts).
 */
export async function s3Client(loc: S3Location, quick = false, guard = false): Promise<S3Client> {
  const { S3Client } = await s3Sdk();
  const timeouts = quick
    ? { connectionTimeout: 3_000, requestTimeout: 10_000 }
    : { connectionTimeout: 5_000, requestTimeout: 60_000 };
  return new S3Client({
    region: loc.region,
    ...(loc.endpoint ? { endpoint: loc.endpoint } : {}),
    forcePathStyle: loc.forcePathStyle,
    ...(loc.credentials ? { credentials: loc.credentials } : {}),
    // S3-compatible servers (and streamed bodies) break with the SDK's default checksums (TOOLCHAIN.md).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: quick ? 1 : 3,
    requestHandler: guard
      ? {
          ...timeouts,
          httpAgent: guardedAgent('http:', true, { keepAlive: true }),
          httpsAgent: guardedAgent('https:', true, { keepAlive: true }) as https.Agent,
        }
      : timeouts,
  });
}

/**
 * An S3 bucket (AWS or S3-compatible). Keys are never overwritten, as on disk: every write makes a new
 * key, so objects are immutable and carry `Cache-Control: immutable`. A write is a single PUT or a
 * multipart upload, which S3 makes visible only when complete: no reader ever sees a partial object.
 */
export class S3Storage implements Storage {
  private connected: Promise<S3Client> | null = null;

  constructor(
    readonly name: string,
    readonly location: S3Location,
    private readonly guard = false,
  ) {}

  /** The bucket's client, made on first use (with the SDK, when this is the first bucket used). */
  client(): Promise<S3Client> {
    return (this.connected ??= s3Client(this.location, false, this.guard));
  }

  get keepsFileName(): boolean {
    return this.location.fixFileNames;
  }

  get endpointLabel(): string {
    return this.location.endpoint ?? `s3.${this.location.region}.amazonaws.com`;
  }

  /**
   * `{prefix}{id[0:2]}/{id}/{random}`; with fixed file names `{prefix}{id}/{random}/{fileName}`, so a
   * bucket URL ends with the real name. The random part keeps every version's key new.
   */
  newKey(mediaId: string, fileName: string): string {
    const { prefix, fixFileNames } = this.location;
    return fixFileNames
      ? `${prefix}${mediaId}/${randomBytes(4).toString('hex')}/${fileName}`
      : `${prefix}${mediaId.slice(0, 2)}/${mediaId}/${randomBytes(8).toString('hex')}`;
  }

  /**
   * Where a rendered Image API variant of a file with this content hash is kept for every instance
   * (lib/image-api/shared-variants.ts); all variants of one file share the folder `variantFolder(sha256)`.
   */
  variantKey(sha256: string, planHash: string): string {
    return `${this.variantFolder(sha256)}${planHash}`;
  }

  variantFolder(sha256: string): string {
    return `${this.location.prefix}variants/${sha256.slice(0, 2)}/${sha256}/`;
  }

  /** The object's URL under the public base URL (direct-bucket mode), or null when none is set. */
  directUrl(key: string): string | null {
    const base = this.location.publicUrl;
    return base ? `${base.replace(/\/+$/, '')}/${key.split('/').map(encodeURIComponent).join('/')}` : null;
  }

  /** The key a direct URL names, when it is one of this bucket's; null otherwise. */
  keyOfDirectUrl(url: string): string | null {
    const base = this.location.publicUrl?.replace(/\/+$/, '');
    if (!base || !url.startsWith(`${base}/`)) return null;
    const path = url.slice(base.length + 1).split(/[?#]/)[0];
    try {
      return path.split('/').map(decodeURIComponent).join('/');
    } catch {
      return null;
    }
  }

  async write(key: string, body: Readable, meta: ObjectMeta): Promise<{ size: number }> {
    let size = 0;
    let sourceError: unknown;
    body.once('error', (err) => (sourceError = err));
    const counted = body.pipe(
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          done(null, chunk);
        },
      }),
    );
    body.once('error', (err) => counted.destroy(err));
    const [{ Upload }, client] = await Promise.all([import('@aws-sdk/lib-storage'), this.client()]);
    const upload = new Upload({
      client,
      params: {
        Bucket: this.location.bucket,
        Key: key,
        Body: counted,
        ContentType: meta.contentType,
        CacheControl: meta.cacheControl,
        ContentDisposition: meta.contentDisposition,
      },
      partSize: PART_BYTES,
      queueSize: PARTS_AT_ONCE,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
      return { size };
    } catch (err) {
      counted.destroy();
      // The source's own failure (limit exceeded, client gone) matters more than what S3 said about it.
      if (sourceError) throw sourceError;
      throw this.unavailable('stored', err);
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    try {
      const [{ GetObjectCommand }, client] = await Promise.all([s3Sdk(), this.client()]);
      const out = await client.send(
        new GetObjectCommand({
          Bucket: this.location.bucket,
          Key: key,
          ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
        }),
      );
      return out.Body as Readable;
    } catch (err) {
      throw this.unavailable('read', err);
    }
  }

  /** Removes the object; a key ending in `/` (a variant folder) removes every object under it. */
  async remove(key: string): Promise<void> {
    try {
      const [{ DeleteObjectCommand, ListObjectsV2Command }, client] = await Promise.all([s3Sdk(), this.client()]);
      if (!key.endsWith('/')) {
        await client.send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key: key }));
        return;
      }
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: this.location.bucket, Prefix: key, ContinuationToken: token }),
        );
        // One by one: at most KURA_MAX_VARIANTS_PER_MEDIA of them, and every S3-compatible store has DeleteObject.
        for (const o of page.Contents ?? [])
          if (o.Key) await client.send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key: o.Key }));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    } catch (err) {
      throw this.unavailable('removed', err);
    }
  }

  /** Nothing to clean here: an interrupted multipart upload never became an object (see docs/storage.md). */
  async sweepInterrupted(): Promise<void> {}

  private unavailable(what: 'stored' | 'read' | 'removed', err: unknown): KuraError {
    const failure = describeS3Error(err, { bucket: this.location.bucket, endpoint: this.endpointLabel });
    // A full bucket is the 507 of a full disk, in the bucket's words; anything else is the bucket out of order.
    const full = failure.reason === 'full';
    const failed = `the file could not be ${what} in the S3 bucket "${this.location.bucket}": ${failure.message}`;
    const error = full
      ? new KuraError('insufficient_storage', `The server's storage is full: ${failed}`)
      : new KuraError('unavailable', failed.charAt(0).toUpperCase() + failed.slice(1));
    error.cause = err;
    return error;
  }
}
