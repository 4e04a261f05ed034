import { describe, expect, it } from 'vitest';
import { cleanFileName, extensionOf } from '@/lib/media/file-name';

describe('cleanFileName', () => {
  it('keeps an ordinary name as it is', () => {
    expect(cleanFileName('Summer photo (1).JPG')).toBe('Summer photo (1).JPG');
  });

  it('removes path separators and the leading dots they leave', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('etcpasswd');
    expect(cleanFileName('C:\\Users\\me\\cat.png')).toBe('C:Usersmecat.png');
  });

  it('removes control characters and bidi controls', () => {
    expect(cleanFileName('a\u0000b\u001fc\u007fd\u0085.png')).toBe('abcd.png');
    // "invoice‮gnp.exe" would display as "invoiceexe.png"
    expect(cleanFileName('invoice\u202egnp.exe')).toBe('invoicegnp.exe');
    expect(cleanFileName('x\u2066y\u2069z.txt')).toBe('xyz.txt');
  });

  it('removes leading dots so nothing becomes a hidden file', () => {
    expect(cleanFileName('.env')).toBe('env');
    expect(cleanFileName('...htaccess')).toBe('htaccess');
  });

  it('normalises to NFC', () => {
    const decomposed = 'cafe\u0301.png';
    expect(cleanFileName(decomposed)).toBe('caf\u00e9.png');
    expect(cleanFileName(decomposed).normalize('NFC')).toBe(cleanFileName(decomposed));
  });

  it('removes before it normalises, so a removed control cannot keep a mark from composing', () => {
    expect(cleanFileName('e\u202e\u0301.txt')).toBe('\u00e9.txt');
  });

  it('cuts to 200 bytes of UTF-8 before the extension, never inside a character', () => {
    const name = `${'あ'.repeat(100)}.jpeg`; // 300 bytes of stem
    const cleaned = cleanFileName(name);
    expect(Buffer.byteLength(cleaned)).toBeLessThanOrEqual(200);
    expect(cleaned.endsWith('.jpeg')).toBe(true);
    expect(cleaned).toBe(`${'あ'.repeat(65)}.jpeg`);
    expect(Buffer.byteLength(cleanFileName('x'.repeat(500)))).toBe(200);
  });

  it('turns an empty result into "file"', () => {
    expect(cleanFileName('')).toBe('file');
    expect(cleanFileName('/\\..')).toBe('file');
    expect(cleanFileName('\u202e')).toBe('file');
  });
});

describe('extensionOf', () => {
  it('is the lowercase suffix after the last dot', () => {
    expect(extensionOf('a.b.PNG')).toBe('png');
    expect(extensionOf('README')).toBe('');
  });
});
