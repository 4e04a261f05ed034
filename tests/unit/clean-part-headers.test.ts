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
});
