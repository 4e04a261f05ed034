import { describe, expect, it } from 'vitest';
import { KuraError } from '@/lib/errors';
import { parseImageParams } from '@/lib/image-api/parse-params';
import type { TransformPlan } from '@/lib/image-api/plan';

// Colour and detail, trim and frame/page: parsing only (rendering: tests/api/image-api-adjust.spec.ts).

const parse = (query: string) => parseImageParams(new URLSearchParams(query));

function transform(query: string): TransformPlan {
  const plan = parse(query);
  if (!plan.transforms) throw new Error(`expected "${query}" to be a transform`);
  return plan;
}

const adjust = (query: string) => transform(query).adjust;
const b64 = (text: string) => Buffer.from(text).toString('base64url');

function expectRefused(query: string, key: string, expected: string) {
  let caught: unknown;
  try {
    parse(query);
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(KuraError);
  expect((caught as KuraError).status).toBe(400);
  expect((caught as KuraError).message).toBe(`Invalid value for "${key}": expected ${expected}`);
}

describe('colour and detail parameters', () => {
  it.each([
    ['bri', 'bri=50', { bri: 50 }],
    ['con', 'con=-20', { con: -20 }],
    ['exp', 'exp=10.4', { exp: 10 }],
    ['gam', 'gam=-100', { gam: -100 }],
    ['high', 'high=-30', { high: -30 }],
    ['shad', 'shad=12.345', { shad: 12.35 }],
    ['sat', 'sat=-100', { sat: -100 }],
    ['vib', 'vib=40', { vib: 40 }],
    ['hue', 'hue=90', { hue: 90 }],
    ['invert', 'invert=true', { invert: true }],
    ['monochrome', 'monochrome=f00', { monochrome: { r: 255, g: 0, b: 0, alpha: 1 } }],
    ['sepia', 'sepia=80', { sepia: 80 }],
    ['px', 'px=10', { px: 10 }],
    ['htn', 'htn=30', { htn: 30 }],
  ])('reads %s', (_, query, expected) => {
    expect(adjust(query)).toMatchObject(expected);
  });

  it.each([
    ['bri=500', { bri: 100 }],
    ['con=-101', { con: -100 }],
    ['high=20&bri=1', { high: 0 }], // imgix: -100 to 0
    ['shad=-5&bri=1', { shad: 0 }], // 0 to 100
    ['sepia=150', { sepia: 100 }],
    ['px=1000', { px: 100 }],
    ['htn=101', { htn: 100 }],
    ['hue=-30', { hue: 330 }], // an angle: wrapped like rot
    ['hue=450', { hue: 90 }],
    ['usm=300', { usm: { amount: 100, radius: 2.5 } }],
    ['usm=20&usmrad=9000', { usm: { amount: 20, radius: 500 } }],
  ])('clamps %s', (query, expected) => {
    expect(adjust(query)).toMatchObject(expected);
  });

  it('fills in the other defaults', () => {
    expect(adjust('bri=10')).toEqual({
      bri: 10,
      con: 0,
      exp: 0,
      gam: 0,
      high: 0,
      shad: 0,
      sat: 0,
      vib: 0,
      hue: 0,
      invert: false,
      monochrome: null,
      sepia: 0,
      duotone: null,
      px: 0,
      usm: null,
      nr: null,
      htn: 0,
    });
  });

  it('reads duotone as two colours with duotone-alpha in percent (default 100)', () => {
    expect(adjust('duotone=000080,ffff00')?.duotone).toEqual({
      dark: { r: 0, g: 0, b: 128, alpha: 1 },
      light: { r: 255, g: 255, b: 0, alpha: 1 },
      alpha: 1,
    });
    expect(adjust('duotone=black,white&duotone-alpha=50')?.duotone?.alpha).toBe(0.5);
    expect(adjust('duotone=black,white&duotone-alpha=500')?.duotone?.alpha).toBe(1);
  });

  it('gives unsharp mask and noise reduction imgix defaults (usmrad 2.5; nr and nrs 20)', () => {
    expect(adjust('usm=40')?.usm).toEqual({ amount: 40, radius: 2.5 });
    expect(adjust('nr=50')?.nr).toEqual({ bound: 50, sharpen: 20 });
    expect(adjust('nrs=60')?.nr).toEqual({ bound: 20, sharpen: 60 });
  });

  it.each(['inv=1', 'invert=1', 'invert=true'])('accepts %s (inv is imgix’s alias)', (query) => {
    expect(adjust(query)?.invert).toBe(true);
  });

  it('accepts the alias mono and the Base64 forms', () => {
    expect(adjust('mono=00f')?.monochrome).toEqual({ r: 0, g: 0, b: 255, alpha: 1 });
    expect(adjust(`duotone64=${b64('red,blue')}`)?.duotone?.light).toEqual({ r: 0, g: 0, b: 255, alpha: 1 });
    expect(adjust(`bri64=${b64('25')}`)?.bri).toBe(25);
  });

  it.each([
    ['bri=bright', 'bri', 'a number'],
    ['hue=1e2', 'hue', 'a number'],
    ['sat=50%', 'sat', 'a number'],
    ['invert=yes', 'invert', '1, 0, true or false'],
    ['inv=2', 'inv', '1, 0, true or false'],
    ['monochrome=notacolour', 'monochrome', 'a colour keyword or 3, 4, 6 or 8 hex digits'],
    ['duotone=red', 'duotone', 'two colours separated by a comma'],
    ['duotone=red,nope', 'duotone', 'a colour keyword or 3, 4, 6 or 8 hex digits'],
    ['duotone64=!!', 'duotone64', 'URL-safe Base64'],
    ['usm=10&usmrad=wide', 'usmrad', 'a number'],
    ['nr=x', 'nr', 'a number'],
  ])('refuses %s naming %s', (query, key, expected) => {
    expectRefused(query, key, expected);
  });

  it.each([
    ['every value at its default', 'bri=0&con=0&sat=0&hue=360&invert=false&sepia=0&px=0&htn=0'],
    ['px=1 (blocks of one pixel)', 'px=1'],
    ['a transparent monochrome colour', 'monochrome=00ff0000'],
    ['duotone at alpha 0', 'duotone=red,blue&duotone-alpha=0'],
    ['noise reduction bound 0', 'nr=0'],
    ['usm 0 and its radius', 'usm=0&usmrad=5'],
    ['settings without their parameter', 'duotone-alpha=50&usmrad=3&trim-color=red&trim-pad=4&trim-md=3'],
  ])('serves the original for %s', (_, query) => {
    expect(parse(query).transforms).toBe(false);
  });

  it('is no longer listed as ignored', () => {
    expect(
      parse('w=10&bri=5&sat=3&hue=4&inv=1&mono=red&sepia=1&px=3&htn=1&usm=1&nr=30&duotone=red,blue').ignored,
    ).toEqual([]);
  });
});

describe('the variant key', () => {
  it('keeps the key of a URL without the new parameters as it was (no adjust, trim or frame field)', () => {
    const key = transform('w=100').cacheKey;
    expect(key).not.toMatch(/adjust|trim|frame|animation|text|mark/);
    expect(key).toBe(transform('w=100&bri=0&duotone-alpha=20').cacheKey);
  });

  it('differs for each adjustment and is one key per normalised value', () => {
    const keys = ['w=100&bri=10', 'w=100&con=10', 'w=100&invert=1', 'w=100&hue=10', 'w=100&px=4'].map(
      (q) => transform(q).cacheKey,
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(transform('bri=10.2').cacheKey).toBe(transform('bri=10').cacheKey);
    expect(transform('hue=-350').cacheKey).toBe(transform('hue=10').cacheKey);
    expect(transform('inv=1').cacheKey).toBe(transform('invert=true').cacheKey);
  });
});

describe('trim', () => {
  it('reads the modes with their settings', () => {
    expect(transform('trim=auto').trim).toEqual({ mode: 'auto', color: null, threshold: 11, pad: 0, deviation: 10 });
    expect(transform('trim=auto&trim-md=20&trim-pad=4&trim-sd=30').trim).toEqual({
      mode: 'auto',
      color: null,
      threshold: 20,
      pad: 4,
      deviation: 30,
    });
    expect(transform('trim=color&trim-color=red&trim-tol=5').trim).toEqual({
      mode: 'color',
      color: { r: 255, g: 0, b: 0, alpha: 1 },
      threshold: 5,
      pad: 0,
    });
    expect(transform('trim=COLOR').trim).toMatchObject({ mode: 'color', color: null, threshold: 0 });
    expect(transform('trim=alpha&trim-color=red').trim).toEqual({ mode: 'alpha', color: null, threshold: 0, pad: 0 });
    expect(transform('trim=colorunlessalpha&trimcolor=fff').trim?.color).toEqual({ r: 255, g: 255, b: 255, alpha: 1 });
  });

  it('leaves out the other mode’s setting, so it does not split the cache', () => {
    expect(transform('trim=color&trim-md=30').cacheKey).toBe(transform('trim=color').cacheKey);
    expect(transform('trim=auto&trim-tol=30&trim-color=red').cacheKey).toBe(transform('trim=auto').cacheKey);
  });

  it('clamps and accepts the aliases and Base64', () => {
    expect(transform('trim=color&trimtol=999&trimpad=99999').trim).toMatchObject({ threshold: 255, pad: 8192 });
    expect(transform(`trim64=${b64('auto')}&trimmd=-3`).trim).toMatchObject({ mode: 'auto', threshold: 0 });
  });

  it('reads trim-sd for auto only (clamped, alias, Base64), and no longer lists it as ignored', () => {
    expect(transform('trim=auto&trim-sd=5').ignored).toEqual([]);
    expect(transform('trim=auto&trimsd=5').trim?.deviation).toBe(5);
    expect(transform(`trim=auto&trim-sd64=${b64('7.5')}`).trim?.deviation).toBe(7.5);
    expect(transform('trim=auto&trim-sd=999').trim?.deviation).toBe(255);
    expect(transform('trim=auto&trim-sd=-1').trim?.deviation).toBe(0);
    expect(transform('trim=color&trim-sd=5').trim).not.toHaveProperty('deviation');
    expect(transform('trim=color&trim-sd=5').cacheKey).toBe(transform('trim=color').cacheKey);
    expect(transform('trim=auto&trim-sd=5').cacheKey).not.toBe(transform('trim=auto').cacheKey);
    expectRefused('trim=auto&trim-sd=lots', 'trim-sd', 'a number');
  });

  it.each([
    ['trim=all', 'trim', 'one of auto, color, alpha, colorunlessalpha'],
    ['trim=color&trim-color=nope', 'trim-color', 'a colour keyword or 3, 4, 6 or 8 hex digits'],
    ['trim=color&trim-tol=x', 'trim-tol', 'a number'],
    ['trim=auto&trim-pad=1px', 'trim-pad', 'a number'],
  ])('refuses %s naming %s', (query, key, expected) => {
    expectRefused(query, key, expected);
  });
});

describe('frame and page', () => {
  it('reads a 1-based page, clamped to at least 1', () => {
    expect(transform('frame=2').frame).toBe(2);
    expect(transform('frame=0').frame).toBe(1);
    expect(transform('page=3').frame).toBe(3);
    expect(transform(`frame64=${b64('4')}`).frame).toBe(4);
  });

  it('prefers frame over page', () => {
    expect(transform('page=3&frame=2').frame).toBe(2);
  });

  it('refuses a non-number naming the parameter', () => {
    expectRefused('frame=first', 'frame', 'a number');
    expectRefused('page=last', 'page', 'a number');
  });
});

describe('loop, fps, reverse and skip', () => {
  it('reads and clamps them', () => {
    expect(transform('loop=3').animation).toEqual({ loop: 3, fps: null, reverse: false, skip: 1 });
    expect(transform('fps=12.345&reverse=true&skip=2').animation).toEqual({
      loop: null,
      fps: 12.35,
      reverse: true,
      skip: 2,
    });
    expect(transform('loop=-1&fps=1000&skip=0&reverse=1').animation).toEqual({
      loop: 0,
      fps: 100,
      reverse: true,
      skip: 1,
    });
  });

  it('serves the original when none changes how it plays', () => {
    expect(parse('reverse=0&skip=1').transforms).toBe(false);
  });

  it.each([
    ['loop=forever', 'loop', 'a number'],
    ['fps=fast', 'fps', 'a number'],
    ['reverse=yes', 'reverse', '1, 0, true or false'],
    ['skip=odd', 'skip', 'a number'],
  ])('refuses %s naming %s', (query, key, expected) => {
    expectRefused(query, key, expected);
  });
});
