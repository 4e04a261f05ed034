import { describe, expect, it } from 'vitest';
import { withMarkSource } from '@/lib/image-api/parse-params';
import { messageOf, parse, transform } from '../support/image-params';

// mark and mark-*: parsing and the cache key (delivery and rendering: tests/api/image-api-mark.spec.ts).

const LOGO = 'https://kura.example/assets/svc/0123456789abcdef0123456789abcdef/logo.png';

describe('mark', () => {
  it('has imgix’s defaults: bottom right, 5 px padding, opaque, fit=clip', () => {
    expect(transform(`mark=${encodeURIComponent(LOGO)}`).mark).toEqual({
      url: LOGO,
      source: null,
      alpha: 1,
      align: { x: 'right', y: 'bottom' },
      w: null,
      h: null,
      scale: null,
      pad: 5,
      x: null,
      y: null,
      fit: 'clip',
      tile: null,
    });
  });

  it('reads every setting, the aliases and the Base64 form', () => {
    const query =
      `m64=${Buffer.from(`${LOGO}?w=20`).toString('base64url')}&malph=40&ma=top,left&mw=0.25&mh=30&ms=10` +
      '&mp=0&mx=3&my=4&mf=crop&mtile=grid';
    expect(transform(query).mark).toEqual({
      url: `${LOGO}?w=20`,
      source: null,
      alpha: 0.4,
      align: { x: 'left', y: 'top' },
      w: { kind: 'fraction', value: 0.25 },
      h: { kind: 'px', value: 30 },
      scale: 10,
      pad: 0,
      x: 3,
      y: 4,
      fit: 'crop',
      tile: 'grid',
    });
  });

  it('puts mark-base (and its aliases) in front of mark, as imgix does', () => {
    expect(transform('mark-base=https://kura.example/assets/s/i/&mark=a.png').mark?.url).toBe(
      'https://kura.example/assets/s/i/a.png',
    );
    expect(transform('mb=/assets/s/&mark=i/a.png').mark?.url).toBe('/assets/s/i/a.png');
    expect(transform('w=10&markbase=/assets/s/i/').mark).toBeNull();
    expect(transform('mark-base=/assets/&mark=a.png').ignored).toEqual([]);
  });

  it('accepts a root-relative path and clamps alpha', () => {
    expect(transform('mark=/assets/s/i/a.png&mark-alpha=500').mark).toMatchObject({
      url: '/assets/s/i/a.png',
      alpha: 1,
    });
  });

  it.each([
    ['mark=logo.png', 'Invalid value for "mark": expected the URL of an image'],
    ['mark=//evil.example/a.png', 'Invalid value for "mark": expected the URL of an image'],
    ['mark=javascript:alert(1)', 'Invalid value for "mark": expected the URL of an image'],
    [`mark=${LOGO}&mark-fit=fillmax`, 'Invalid value for "mark-fit": expected one of clip, crop, fill, max, scale'],
    [`mark=${LOGO}&mark-tile=row`, 'Invalid value for "mark-tile": expected one of grid'],
    [
      `mark=${LOGO}&mark-align=up`,
      'Invalid value for "mark-align": expected one of top, middle, bottom, left, center, right',
    ],
    [`mark=${LOGO}&mark-w=wide`, 'Invalid value for "mark-w": expected a number'],
  ])('refuses %s', (query, message) => {
    expect(messageOf(query)).toBe(message);
  });

  it('is no watermark at alpha 0 or without mark', () => {
    expect(parse(`mark=${LOGO}&mark-alpha=0`).transforms).toBe(false);
    expect(parse('mark-alpha=50&mark-align=top').transforms).toBe(false);
  });

  it('keys the watermark’s content hash once delivery has found it, and only then', () => {
    const plan = transform(`w=100&mark=${LOGO}`);
    const one = withMarkSource(plan, 'a'.repeat(64));
    const two = withMarkSource(plan, 'b'.repeat(64));
    expect(one.mark?.source).toBe('a'.repeat(64));
    expect(new Set([plan.cacheKey, one.cacheKey, two.cacheKey]).size).toBe(3);
    expect(withMarkSource(transform('w=100'), 'a'.repeat(64)).cacheKey).toBe(transform('w=100').cacheKey);
  });
});
