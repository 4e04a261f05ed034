// Design notes: docs/image-api.md (colour and detail, trim, frames).
import {
  MAX_SIDE,
  invalid,
  numberIn,
  parseBoolean,
  parseColor,
  parseKeyword,
  parseNumber,
  round,
} from './param-values';
import { DEFAULT_TRIM_SD, TRIM_MODES, type Adjust, type Animation, type Color, type Trim } from './plan';

/** The parameters of this module, under their imgix names. */
export const ADJUST_PARAMS = [
  'bri',
  'con',
  'exp',
  'gam',
  'high',
  'shad',
  'sat',
  'vib',
  'hue',
  'invert',
  'monochrome',
  'sepia',
  'duotone',
  'duotone-alpha',
  'px',
  'usm',
  'usmrad',
  'nr',
  'nrs',
  'htn',
  'trim',
  'trim-color',
  'trim-md',
  'trim-sd',
  'trim-tol',
  'trim-pad',
  'frame',
  'page',
  'loop',
  'fps',
  'reverse',
  'skip',
] as const;
export type AdjustParam = (typeof ADJUST_PARAMS)[number];

/** imgix's aliases for them (imgix-url-params, dist/parameters.json). */
export const ADJUST_ALIASES: Readonly<Record<string, AdjustParam>> = {
  inv: 'invert',
  mono: 'monochrome',
  trimcolor: 'trim-color',
  trimmd: 'trim-md',
  trimsd: 'trim-sd',
  trimtol: 'trim-tol',
  trimpad: 'trim-pad',
};

/** Reads one parameter's last value with a parser, or null when absent (parse-params' `read`). */
export type Reader = <T>(param: AdjustParam, parse: (key: string, value: string) => T) => T | null;

/** `hue` in degrees, wrapped into [0, 360) like `rot`: 360 is no shift, -30 is 330. */
function parseHue(key: string, raw: string): number {
  const degrees = round(((parseNumber(key, raw) % 360) + 360) % 360);
  return degrees === 360 ? 0 : degrees;
}

/** `duotone=dark,light`: two colours, the first for the shadows. */
function parseDuotone(key: string, raw: string): { dark: Color; light: Color } {
  const parts = raw.split(',');
  if (parts.length !== 2) throw invalid(key, 'two colours separated by a comma');
  return { dark: parseColor(key, parts[0] ?? ''), light: parseColor(key, parts[1] ?? '') };
}

/** Colour and detail; null when every value is at imgix's default (no effect). */
export function readAdjust(read: Reader): Adjust | null {
  const percent = numberIn(-100, 100);
  const duotone = read('duotone', parseDuotone);
  const usm = read('usm', percent) ?? 0;
  const nrBound = read('nr', percent);
  const nrSharpen = read('nrs', percent);
  const adjust: Adjust = {
    bri: read('bri', percent) ?? 0,
    con: read('con', percent) ?? 0,
    exp: read('exp', percent) ?? 0,
    gam: read('gam', percent) ?? 0,
    high: read('high', numberIn(-100, 0)) ?? 0,
    shad: read('shad', numberIn(0, 100, 2)) ?? 0,
    sat: read('sat', percent) ?? 0,
    vib: read('vib', percent) ?? 0,
    hue: read('hue', parseHue) ?? 0,
    invert: read('invert', parseBoolean) ?? false,
    monochrome: visible(read('monochrome', parseColor)),
    sepia: read('sepia', numberIn(0, 100)) ?? 0,
    duotone: duotoneOf(duotone, read('duotone-alpha', numberIn(0, 100)) ?? 100),
    px: pixelBlock(read('px', numberIn(0, 100)) ?? 0),
    usm: usm === 0 ? null : { amount: usm, radius: read('usmrad', numberIn(0, 500, 2)) ?? 2.5 },
    // imgix's defaults (20, 20) hold once either is given; a bound of 0 or less reduces nothing.
    nr: (nrBound ?? (nrSharpen === null ? 0 : 20)) > 0 ? { bound: nrBound ?? 20, sharpen: nrSharpen ?? 20 } : null,
    htn: read('htn', numberIn(0, 100)) ?? 0,
  };
  return isIdentity(adjust) ? null : adjust;
}

/** A colour whose alpha is 0 has no effect: null, so that it keys like its absence. */
const visible = (c: Color | null) => (c === null || c.alpha === 0 ? null : c);

/** px=1 is blocks of one pixel: the image itself, keyed as 0. */
const pixelBlock = (n: number) => (n < 2 ? 0 : n);

const duotoneOf = (colours: { dark: Color; light: Color } | null, alpha: number) =>
  colours === null || alpha === 0 ? null : { ...colours, alpha: alpha / 100 };

function isIdentity(a: Adjust): boolean {
  const numbers = [a.bri, a.con, a.exp, a.gam, a.high, a.shad, a.sat, a.vib, a.hue, a.sepia, a.px, a.htn];
  return (
    numbers.every((n) => n === 0) &&
    !a.invert &&
    a.monochrome === null &&
    a.duotone === null &&
    a.usm === null &&
    a.nr === null
  );
}

/** A threshold of trim-md / trim-tol: a colour distance, 0–255. */
const threshold = numberIn(0, 255, 2);

/** `trim` and its settings; the settings of the other mode are inert and left out. */
export function readTrim(read: Reader): Trim | null {
  const mode = read('trim', (key, value) => parseKeyword(key, value, TRIM_MODES));
  const color = read('trim-color', parseColor);
  const md = read('trim-md', threshold);
  const tol = read('trim-tol', threshold);
  const sd = read('trim-sd', threshold);
  const pad = read('trim-pad', numberIn(0, MAX_SIDE)) ?? 0;
  if (mode === null) return null;
  const byColor = mode !== 'auto';
  return {
    mode,
    color: byColor && mode !== 'alpha' ? color : null,
    threshold: byColor ? (tol ?? 0) : (md ?? 11),
    pad,
    ...(byColor ? {} : { deviation: sd ?? DEFAULT_TRIM_SD }),
  };
}

/** `frame` (imgix, animations) or else `page` (multi-page files), 1-based; 1 is the first. */
export function readFrame(read: Reader): number | null {
  const page = numberIn(1, 65535);
  return read('frame', page) ?? read('page', page);
}

/** loop (0 = forever), fps, reverse and skip; null when none changes how an animation plays. */
export function readAnimation(read: Reader): Animation | null {
  const animation: Animation = {
    loop: read('loop', numberIn(0, 65535)),
    fps: read('fps', numberIn(0.1, 100, 2)),
    reverse: read('reverse', parseBoolean) ?? false,
    skip: read('skip', numberIn(1, 65535)) ?? 1,
  };
  const plays = animation.loop !== null || animation.fps !== null || animation.reverse || animation.skip > 1;
  return plays ? animation : null;
}
