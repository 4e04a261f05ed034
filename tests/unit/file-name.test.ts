import { describe, expect, it } from 'vitest';
import { cleanFileName, extensionOf, renamedFileName } from '@/lib/media/file-name';

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

describe('renamedFileName', () => {
  it('cleans what was typed as the server does', () => {
    expect(renamedFileName('folder/sub name.jpg', 'a.jpg')).toBe('foldersub name.jpg');
  });
  it('keeps the current extension when the new name has none', () => {
    expect(renamedFileName('cover', 'IMG_1.JPG')).toBe('cover.JPG');
    expect(renamedFileName('cover.', 'IMG_1.JPG')).toBe('cover.JPG');
    expect(renamedFileName('notes', 'README')).toBe('notes');
  });
  it('leaves a changed extension for the dialog to ask about', () => {
    expect(renamedFileName('photo.png', 'photo.jpg')).toBe('photo.png');
  });
  it('stays within 200 bytes with the kept extension', () => {
    const name = renamedFileName('x'.repeat(300), 'a.jpeg');
    expect(name).toBe(`${'x'.repeat(195)}.jpeg`);
  });
});
