import { describe, expect, it } from 'vitest';
import { messageOf, parse, transform } from '../support/image-params';

// txt and txt-*: parsing only (rendering: tests/api/image-api-text.spec.ts).

const text = (query: string) => transform(query).text;
const b64 = (value: string) => Buffer.from(value).toString('base64url');

describe('txt', () => {
  it('has imgix’s defaults: bottom right, end clip, black, sans-serif 12 px, padding 10', () => {
    expect(text('txt=Hi')).toEqual({
      text: 'Hi',
      align: { x: 'right', y: 'bottom' },
      clip: { from: 'end', ellipsis: false },
      color: { r: 0, g: 0, b: 0, alpha: 1 },
      fit: null,
      font: { family: 'sans-serif', bold: false, italic: false },
      size: 12,
      line: 0,
      lineColor: { r: 255, g: 255, b: 255, alpha: 1 },
      pad: 10,
      shad: 0,
      width: null,
      x: null,
      y: null,
    });
  });

  it('reads every setting', () => {
    expect(
      text(
        'txt=Hi&txt-align=top,center&txt-clip=middle,ellipsis&txt-color=80ff0000&txt-fit=max' +
          '&txt-font=serif,bold,italic&txt-size=40&txt-line=2&txt-line-color=blue&txt-pad=5&txt-shad=3.5' +
          '&txt-width=300&txt-x=12&txt-y=34',
      ),
    ).toEqual({
      text: 'Hi',
      align: { x: 'center', y: 'top' },
      clip: { from: 'middle', ellipsis: true },
      color: { r: 255, g: 0, b: 0, alpha: 0.502 },
      fit: 'max',
      font: { family: 'serif', bold: true, italic: true },
      size: 40,
      line: 2,
      lineColor: { r: 0, g: 0, b: 255, alpha: 1 },
      pad: 5,
      shad: 3.5,
      width: 300,
      x: 12,
      y: 34,
    });
  });

  it('accepts the aliases and Base64 forms', () => {
    expect(
      transform('t=Hi&ta=top,left&tc=f00&tsz=20&tf=monospace&tp=3&tsh=1&tl=2&txtlineclr=000&tcl=start').cacheKey,
    ).toBe(
      transform(
        'txt=Hi&txt-align=top,left&txt-color=f00&txt-size=20&txt-font=monospace&txt-pad=3&txt-shad=1&txt-line=2' +
          '&txt-line-color=000&txt-clip=start',
      ).cacheKey,
    );
    expect(text(`txt64=${b64('日本語 & <b>')}`)?.text).toBe('日本語 & <b>');
    expect(text(`txt=a&txt-font64=${b64('serif,italic')}`)?.font).toEqual({
      family: 'serif',
      bold: false,
      italic: true,
    });
  });

  it('clamps sizes and keeps the default of a half-given align', () => {
    expect(text('txt=a&txt-size=99999&txt-shad=50&txt-line=-3&txt-pad=99999')).toMatchObject({
      size: 1024,
      shad: 10,
      line: 0,
      pad: 8192,
    });
    expect(text('txt=a&txt-align=left')?.align).toEqual({ x: 'left', y: 'bottom' });
    expect(text('txt=a&txt-align=top')?.align).toEqual({ x: 'right', y: 'top' });
  });

  it('maps other imgix font names to the nearest family and lists txt-font as approximated', () => {
    expect(transform('txt=a&txt-font=Georgia,BoldItalic')).toMatchObject({
      text: { font: { family: 'serif', bold: true, italic: true } },
      ignored: ['txt-font'],
    });
    expect(text('txt=a&txt-font=Courier New,Bold')?.font).toEqual({ family: 'monospace', bold: true, italic: false });
    expect(text('txt=a&tf=Futura Condensed Medium')?.font.family).toBe('sans-serif');
    expect(transform('txt=a&tf=Futura').ignored).toEqual(['tf']);
    expect(transform('txt=a&txt-font=sans-serif,bold').ignored).toEqual([]);
  });

  it('refuses more than 500 characters (counted as characters, not bytes)', () => {
    expect(messageOf(`txt=${'x'.repeat(501)}`)).toBe('"txt" is 501 characters long; the limit is 500');
    expect(text(`txt=${'あ'.repeat(500)}`)?.text).toHaveLength(500);
    expect(messageOf(`txt64=${b64('x'.repeat(600))}`)).toBe('"txt64" is 600 characters long; the limit is 500');
  });

  it.each([
    ['txt=a&txt-align=up', 'Invalid value for "txt-align": expected one of top, middle, bottom, left, center, right'],
    ['txt=a&txt-clip=both', 'Invalid value for "txt-clip": expected one of start, middle, end, ellipsis'],
    ['txt=a&txt-color=nope', 'Invalid value for "txt-color": expected a colour keyword or 3, 4, 6 or 8 hex digits'],
    ['txt=a&txt-fit=min', 'Invalid value for "txt-fit": expected one of max, wrap, wrapmax'],
    ['txt=a&txt-size=big', 'Invalid value for "txt-size": expected a number'],
    ['txt=a&tsz=big', 'Invalid value for "tsz": expected a number'],
    ['txt64=%%%', 'Invalid value for "txt64": expected URL-safe Base64'],
  ])('refuses %s', (query, message) => {
    expect(messageOf(query)).toBe(message);
  });

  it.each([
    ['blank text', 'txt=%20%20'],
    ['transparent text without outline or shadow', 'txt=a&txt-color=00000000'],
    ['settings without txt', 'txt-size=40&txt-color=red&txt-align=top'],
  ])('serves the original for %s', (_, query) => {
    expect(parse(query).transforms).toBe(false);
  });

  it('keys an outline colour only with an outline', () => {
    expect(transform('txt=a&txt-line-color=red').cacheKey).toBe(transform('txt=a').cacheKey);
    expect(transform('txt=a&txt-line=1&txt-line-color=red').cacheKey).not.toBe(transform('txt=a&txt-line=1').cacheKey);
  });
});

describe('txt-bg and txt-fit=wrap', () => {
  it('txt-bg adds a box, drops the default padding to 0 and keeps an explicit one; transparent is no box', () => {
    expect(text('txt=Hi&txt-bg=263E65')).toMatchObject({ bg: { r: 38, g: 62, b: 101, alpha: 1 }, pad: 0 });
    expect(text('txt=Hi&txt-bg=80000000&txt-pad=20')).toMatchObject({ bg: { alpha: 0.502 }, pad: 20 });
    expect(text(`txt=Hi&txt-bg64=${b64('red')}`)?.bg).toEqual({ r: 255, g: 0, b: 0, alpha: 1 });
    expect(text('txt=Hi&txt-bg=00000000')).not.toHaveProperty('bg');
    expect(text('txt=Hi&txt-bg=00000000')?.pad).toBe(10);
    expect(transform('txt=Hi&txt-bg=fff').cacheKey).not.toBe(transform('txt=Hi').cacheKey);
    expect(messageOf('txt=Hi&txt-bg=nope')).toBe(
      'Invalid value for "txt-bg": expected a colour keyword or 3, 4, 6 or 8 hex digits',
    );
  });

  it('a box alone makes transparent text visible', () => {
    expect(text('txt=Hi&txt-color=0000&txt-bg=000')).not.toBeNull();
    expect(text('w=10&txt=Hi&txt-color=0000')).toBeNull();
  });

  it('reads txt-fit=wrap; wrapmax is drawn as wrap and listed as approximated', () => {
    expect(text('txt=Hi&txt-fit=wrap')?.fit).toBe('wrap');
    expect(text('txt=Hi&txt-fit=wrapmax')?.fit).toBe('wrap');
    expect(transform('txt=Hi&txt-fit=wrapmax').ignored).toEqual(['txt-fit']);
    expect(transform('txt=Hi&txt-fit=wrap').ignored).toEqual([]);
    expect(messageOf('txt=Hi&txt-fit=stretch')).toBe('Invalid value for "txt-fit": expected one of max, wrap, wrapmax');
  });
});
