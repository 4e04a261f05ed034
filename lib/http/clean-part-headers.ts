import { Transform, type TransformCallback } from 'node:stream';

const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');
/** Part headers beyond this are busboy's to refuse; we stop cleaning so a body is never touched. */
const MAX_HEADER_BYTES = 64 * 1024;

/** Bytes a part header may not hold (busboy refuses the whole body): C0 controls but tab, CR, LF; and DEL. */
const isControl = (b: number) => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f;

/** The multipart boundary of a Content-Type header, or null. */
export function boundaryOf(contentType: string): string | null {
  const m = /;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : null;
}

/**
 * Removes control bytes from the header block of every multipart part and leaves part bodies alone.
 * A file name holding a NUL (or another control character) is valid input for Kura, which removes
 * those characters from names anyway, but busboy refuses any header carrying one as malformed.
 */
export class CleanPartHeaders extends Transform {
  private readonly delimiter: Buffer;
  private pending: Buffer = Buffer.alloc(0);
  private inHeaders = false;
  private headerBytes = 0;
  private started = false;

  constructor(boundary: string) {
    super({ highWaterMark: 1024 * 1024 }); // room for whole socket reads: fewer pauses on a large upload
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.passBody(chunk)) return done();
    // The first delimiter may open the body without a CRLF before it: search as if one were there.
    let data = this.started ? Buffer.concat([this.pending, chunk]) : Buffer.concat([CRLF, this.pending, chunk]);
    const virtual = this.started ? 0 : CRLF.length;
    if (!this.started && data.length < this.delimiter.length) {
      this.pending = data.subarray(virtual);
      return done();
    }
    this.started = true;
    let skip = virtual;
    for (;;) {
      if (this.inHeaders) {
        const end = data.indexOf(HEADERS_END);
        if (end === -1 && this.headerBytes + data.length < MAX_HEADER_BYTES) {
          const keep = Math.min(data.length, HEADERS_END.length - 1);
          this.push(clean(data.subarray(skip, data.length - keep)));
          this.headerBytes += data.length - keep;
          this.pending = data.subarray(data.length - keep);
          return done();
        }
        const cut = end === -1 ? data.length : end + HEADERS_END.length;
        this.push(clean(data.subarray(skip, cut)));
        data = data.subarray(cut);
        skip = 0;
        this.inHeaders = false;
        continue;
      }
      const at = data.indexOf(this.delimiter);
      if (at === -1) {
        const keep = Math.min(data.length, this.delimiter.length - 1);
        if (data.length - keep > skip) this.push(data.subarray(skip, data.length - keep));
        this.pending = data.subarray(Math.max(skip, data.length - keep));
        return done();
      }
      const cut = at + this.delimiter.length;
      this.push(data.subarray(skip, cut));
      data = data.subarray(cut);
      skip = 0;
      this.inHeaders = true;
      this.headerBytes = 0;
    }
  }

  /**
   * Inside a part body, a chunk holding no delimiter (nor one begun in the bytes kept from the last chunk) passes
   * as it is, without copying it behind those bytes: a large file's bytes are never copied here. False: the chunk
   * needs the full search.
   */
  private passBody(chunk: Buffer): boolean {
    const keep = this.delimiter.length - 1;
    if (!this.started || this.inHeaders || chunk.length <= keep) return false;
    const bridge = Buffer.concat([this.pending, chunk.subarray(0, keep)]);
    if (bridge.includes(this.delimiter) || chunk.includes(this.delimiter)) return false;
    if (this.pending.length) this.push(this.pending);
    this.push(chunk.subarray(0, chunk.length - keep));
    this.pending = chunk.subarray(chunk.length - keep);
    return true;
  }

  _flush(done: TransformCallback): void {
    done(null, this.inHeaders ? clean(this.pending) : this.pending);
  }
}

function clean(bytes: Buffer): Buffer {
  if (!bytes.some(isControl)) return bytes;
  return Buffer.from(bytes.filter((b) => !isControl(b)));
}
