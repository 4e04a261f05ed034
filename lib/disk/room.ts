// Design notes: docs/usage.md, "Room on disk".
import 'server-only';
import { Transform, type TransformCallback } from 'node:stream';
import { config } from '@/lib/config';
import { storageFull } from '@/lib/errors';
import { yieldVariantSpace } from '@/lib/image-api/variant-cache';
import { formatBytes } from '@/lib/media/format-bytes';
import { processSingleton } from '@/lib/process-singleton';
import { freeSpace } from './free-space';

/** A write in flight looks at the disk again after this many bytes (a statfs call: microseconds). */
const CHECK_EVERY = 4 * 1024 * 1024;

/** What writes in flight on this process still mean to write: the next one counts it as taken. */
const promised = () => processSingleton('diskPromised', () => new Map<symbol, number>());

/** Free bytes beyond KURA_MIN_FREE_BYTES and beyond what other writes in flight still mean to write. */
async function roomLeft(self?: symbol): Promise<number> {
  const { freeBytes } = await freeSpace();
  let others = 0;
  for (const [write, bytes] of promised()) if (write !== self) others += bytes;
  return freeBytes - config().KURA_MIN_FREE_BYTES - others;
}

/**
 * Makes sure `bytes` more fit on the data directory's disk without going under `KURA_MIN_FREE_BYTES`: when
 * short, the variant cache yields its least recently used files first (they are only rendered again); then 507.
 */
export async function makeRoom(bytes: number, self?: symbol): Promise<void> {
  const short = bytes - (await roomLeft(self));
  if (short <= 0) return;
  await yieldVariantSpace(short);
  const room = await roomLeft(self);
  if (bytes <= room) return;
  throw storageFull(
    `The server's storage is full: this upload needs ${formatBytes(bytes)} and only ` +
      `${formatBytes(Math.max(0, room))} is free beyond the ${formatBytes(config().KURA_MIN_FREE_BYTES)} ` +
      'Kura keeps in reserve. Nothing was saved; free some space on the server (or ask an Administrator to) ' +
      'and try again',
  );
}

/**
 * Passes an upload's bytes to the data directory while keeping room for them: it counts what the upload still
 * means to write (its declared length, else one check's worth) as taken for every other write, and before the
 * first byte and every 4 MiB it makes room for the rest ({@link makeRoom}), so a disk filled meanwhile by
 * anything else stops the upload with 507 instead of running out under it.
 */
export class RoomGuard extends Transform {
  private readonly self = Symbol('write');
  private seen = 0;
  private nextCheck = 0;

  /** `declared`: at most this many bytes will come (a request's Content-Length), or null when unknown. */
  constructor(private readonly declared: number | null) {
    super({ highWaterMark: 1024 * 1024 });
    promised().set(this.self, this.stillToCome());
  }

  private stillToCome(): number {
    return this.declared === null ? CHECK_EVERY : Math.max(0, this.declared - this.seen);
  }

  _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.seen < this.nextCheck) {
      this.seen += chunk.length;
      return done(null, chunk);
    }
    this.nextCheck = this.seen + CHECK_EVERY;
    const need = Math.max(chunk.length, this.declared === null ? CHECK_EVERY : this.stillToCome());
    promised().set(this.self, need);
    makeRoom(need, this.self).then(() => {
      this.seen += chunk.length;
      done(null, chunk);
    }, done);
  }

  _final(done: (err?: Error | null) => void): void {
    promised().delete(this.self);
    done();
  }

  _destroy(err: Error | null, done: (err?: Error | null) => void): void {
    promised().delete(this.self);
    done(err);
  }
}
