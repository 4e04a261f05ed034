import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** Passes bytes through while counting and hashing them (SHA-256); fails with `tooLarge()` past `max`. */
export class Meter extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');

  constructor(
    private readonly max: number,
    private readonly tooLarge: () => Error,
  ) {
    super({ highWaterMark: 1024 * 1024 });
  }

  _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.max) return done(this.tooLarge());
    this.hash.update(chunk);
    done(null, chunk);
  }

  /** Hex SHA-256 of everything that passed; call once, after the stream has finished. */
  digest(): string {
    return this.hash.digest('hex');
  }
}
