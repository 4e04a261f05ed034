import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffType } from '@/lib/media/sniff';

const image = (format: 'png' | 'jpeg' | 'webp' | 'gif' | 'avif' | 'tiff') =>
  sharp({ create: { width: 8, height: 4, channels: 3, background: '#36c' } })
    .toFormat(format)
    .toBuffer();

describe('sniffType', () => {
  it.each([
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['webp', 'image/webp'],
    ['gif', 'image/gif'],
    ['avif', 'image/avif'],
    ['tiff', 'image/tiff'],
  ] as const)('recognises %s from its bytes as an image', async (format, mime) => {
    expect(await sniffType(await image(format))).toMatchObject({ mimeType: mime, kind: 'image' });
  });

  it('recognises SVG, with or without an XML prolog', async () => {
    expect(await sniffType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({
      mimeType: 'image/svg+xml',
      extension: 'svg',
      kind: 'image',
    });
    expect(
      await sniffType(
        Buffer.from('\ufeff<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg>\n<svg width="10"></svg>'),
      ),
    ).toMatchObject({ mimeType: 'image/svg+xml' });
  });

  it('calls HTML a file, whatever it claims to be', async () => {
    expect(await sniffType(Buffer.from('<!DOCTYPE html><script>alert(1)</script>'))).toEqual({
      mimeType: 'text/html',
      extension: 'html',
      kind: 'file',
    });
    expect(await sniffType(Buffer.from('  <script>alert(1)</script>'))).toMatchObject({
      mimeType: 'text/html',
      kind: 'file',
    });
  });

  it('calls a PDF a file', async () => {
    expect(await sniffType(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toMatchObject({
      mimeType: 'application/pdf',
      kind: 'file',
    });
  });

  it('treats unknown binary as application/octet-stream and plain text as text/plain', async () => {
    expect(await sniffType(Buffer.from([0, 1, 2, 3, 250, 251]))).toEqual({
      mimeType: 'application/octet-stream',
      extension: '',
      kind: 'file',
    });
    expect(await sniffType(Buffer.from('name,size\na,1\n'))).toEqual({
      mimeType: 'text/plain',
      extension: '',
      kind: 'file',
    });
  });
});
