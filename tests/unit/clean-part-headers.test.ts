import { Readable } from 'node:stream';
import busboy from 'busboy';
import { describe, expect, it } from 'vitest';
import { boundaryOf, CleanPartHeaders } from '@/lib/http/clean-part-headers';

const boundary = '----kura0123';
const contentType = `multipart/form-data; boundary=${boundary}`;
// File bytes full of control characters and boundary-like text: they must arrive untouched.
const fileBytes = Buffer.concat([
  Buffer.from('\u0000\u0001\r\n\r\n--'),
  Buffer.from([0, 1, 2, 0x7f, 0x1b]),
  Buffer.from(`\r\n-${boundary}`),
]);

function body(fileName: string): Buffer {
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; ` +
        `filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    fileBytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

/** Parses `chunks` through the cleaner and busboy: the file part's name and bytes, or busboy's error. */
function parse(chunks: Buffer[]): Promise<{ name: string; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8', preservePath: true });
    let name = '';
    const parts: Buffer[] = [];
    parser.on('file', (_field, stream, info) => {
      name = info.filename ?? '';
      stream.on('data', (c: Buffer) => parts.push(c));
    });
    parser.on('error', reject);
    parser.on('close', () => resolve({ name, bytes: Buffer.concat(parts) }));
    Readable.from(chunks)
      .pipe(new CleanPartHeaders(boundaryOf(contentType)!))
      .pipe(parser);
  });
}

const bytewise = (b: Buffer) => [...b].map((x) => Buffer.from([x]));

describe('CleanPartHeaders', () => {
  it('reads the boundary, quoted or not', () => {
    expect(boundaryOf('multipart/form-data; boundary=abc')).toBe('abc');
    expect(boundaryOf('multipart/form-data; boundary="a b"; x=1')).toBe('a b');
    expect(boundaryOf('multipart/form-data')).toBeNull();
  });

  it('drops NUL and other controls from a file name, in one chunk or byte by byte', async () => {
    const raw = body('re\u0000po\u0001rt\u007f.txt');
    for (const chunks of [[raw], bytewise(raw)]) {
      const { name, bytes } = await parse(chunks);
      expect(name).toBe('report.txt');
      expect(bytes.equals(fileBytes)).toBe(true);
    }
  });

  it('leaves a clean body byte for byte as it was', async () => {
    const { name, bytes } = await parse([body('ünïcode name.txt')]);
    expect(name).toBe('ünïcode name.txt');
    expect(bytes.equals(fileBytes)).toBe(true);
  });

  it('passes a large body untouched whatever its chunks, with near-delimiters across chunk edges', async () => {
    // Random bytes with every prefix of the delimiter sprinkled in, so some straddle the edge of a chunk.
    const pieces: Buffer[] = [];
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      const random = Buffer.alloc(97 + (i % 61));
      for (let j = 0; j < random.length; j++) random[j] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
      pieces.push(random, Buffer.from(`\r\n--${boundary}`.slice(0, 1 + (i % (boundary.length + 3)))));
    }
    const large = Buffer.concat(pieces);
    const raw = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.bin"\r\n\r\n`),
      large,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    for (const size of [7, 16, 1000, 4096, 65_536]) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < raw.length; at += size) chunks.push(raw.subarray(at, at + size));
      const { name, bytes } = await parse(chunks);
      expect(name, `chunks of ${size}`).toBe('a.bin');
      expect(bytes.equals(large), `chunks of ${size}`).toBe(true);
    }
  });
});
