import { z } from 'zod';
import { badRequest, type KuraError } from '@/lib/errors';
import { CSS_COLORS } from './css-colors';
import {
  DATA_FORMATS,
  FIT_MODES,
  IMAGE_FORMATS,
  type Border,
  type Color,
  type Dimension,
  type Fit,
  type OutputFormat,
  type Rect,
  type RectOffset,
} from './plan';

/** The largest output side imgix renders, and the ceiling for every pixel-valued parameter. */
export const MAX_SIDE = 8192;

/** The 400 for a malformed value, naming the parameter as the URL spelled it. */
export const invalid = (key: string, expected: string): KuraError =>
  badRequest(`Invalid value for "${key}": expected ${expected}`);

export const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/** Rounds to `places` decimals so that 0.1 + 0.2 and 0.3 key the same variant. */
export const round = (n: number, places = 0) => {
  const f = 10 ** places;
  const r = Math.round(n * f) / f;
  return r === 0 ? 0 : r; // no -0 in plans
};

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A plain decimal (`100`, `100.0`, `.5`, `-3`); no exponents, hex or units. */
export function parseNumber(key: string, raw: string): number {
  const text = raw.trim();
  if (!DECIMAL.test(text)) throw invalid(key, 'a number');
  return Number(text);
}

/** A parser of a plain decimal, rounded to `places` and clamped to [min, max]. */
export const numberIn =
  (min: number, max: number, places = 0) =>
  (key: string, value: string) =>
    clamp(round(parseNumber(key, value), places), min, max);

/** A keyword from a fixed list, case-insensitive. */
export function parseKeyword<const T extends readonly [string, ...string[]]>(
  key: string,
  raw: string,
  values: T,
): T[number] {
  const result = z.enum(values).safeParse(raw.trim().toLowerCase());
  if (!result.success) throw invalid(key, `one of ${values.join(', ')}`);
  return result.data;
}

/** A comma list, trimmed and lowercased, without empty items. */
export const parseList = (raw: string) =>
  raw
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '');

/**
 * imgix's two readings of a length: 0 < n < 1 is a fraction of the source side, anything else
 * pixels, clamped to [1, max]. `1` is therefore one pixel, not the whole side.
 */
export function parseDimension(key: string, raw: string, max = MAX_SIDE): Dimension {
  const n = parseNumber(key, raw);
  if (n > 0 && n < 1) return { kind: 'fraction', value: clamp(round(n, 4), 0.0001, 0.9999) };
  return { kind: 'px', value: clamp(round(n), 1, max) };
}

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/;

/**
 * imgix colours: a CSS keyword, or 3 (RGB), 4 (ARGB), 6 (RRGGBB) or 8 (AARRGGBB) hex digits.
 * Alpha comes first in imgix's 4- and 8-digit forms, unlike CSS.
 */
export function parseColor(key: string, raw: string): Color {
  const text = raw.trim().toLowerCase();
  const hex = Object.hasOwn(CSS_COLORS, text) ? CSS_COLORS[text] : HEX.exec(text)?.[1];
  if (hex === undefined) throw invalid(key, 'a colour keyword or 3, 4, 6 or 8 hex digits');
  const full = hex.length <= 4 ? [...hex].map((d) => d + d).join('') : hex;
  const argb = full.length === 8 ? full : `ff${full}`;
  const byte = (i: number) => parseInt(argb.slice(i, i + 2), 16);
  return { r: byte(2), g: byte(4), b: byte(6), alpha: round(byte(0) / 255, 4) };
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The value of a `name64` parameter: URL-safe Base64 without padding, as imgix defines it. */
export function decodeBase64Param(key: string, raw: string): string {
  if (!BASE64URL.test(raw) || raw.length % 4 === 1) throw invalid(key, 'URL-safe Base64');
  return Buffer.from(raw, 'base64url').toString('utf8');
}

// Parameters whose values have a structure: lists, tuples and keyword sets.

/** `fit`; imgix lets facearea name a fallback (`facearea,fill`); without face detection it acts as crop. */
export function parseFit(key: string, raw: string): { fit: Fit; facearea: boolean } {
  const first = parseKeyword(key, parseList(raw)[0] ?? '', [...FIT_MODES, 'facearea']);
  return first === 'facearea' ? { fit: 'crop', facearea: true } : { fit: first, facearea: false };
}

const CROP_TOKENS = ['top', 'bottom', 'left', 'right', 'center', 'faces', 'entropy', 'edges', 'focalpoint'] as const;
export type CropToken = (typeof CROP_TOKENS)[number];

export function parseCropTokens(key: string, raw: string): ReadonlySet<CropToken> {
  return new Set(parseList(raw).map((token) => parseKeyword(key, token, CROP_TOKENS)));
}

/** imgix output formats Kura cannot encode (JPEG 2000, JPEG XR, video). */
const UNSUPPORTED_FORMATS: ReadonlySet<string> = new Set(['jp2', 'jxr', 'mp4', 'webm']);
const FORMAT_VALUES = [...IMAGE_FORMATS, 'png32', ...DATA_FORMATS] as const;

/** `fm`; png32 is imgix's name for a full-colour PNG, which is what `png` gives. */
export function parseFormat(key: string, raw: string): OutputFormat {
  const text = raw.trim().toLowerCase();
  if (UNSUPPORTED_FORMATS.has(text)) {
    throw invalid(key, `one of ${FORMAT_VALUES.join(', ')} (${text} is not supported)`);
  }
  const format = parseKeyword(key, text, FORMAT_VALUES);
  return format === 'png32' ? 'png' : format;
}

const RATIO = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*:\s*(\d+(?:\.\d*)?|\.\d+)\s*$/;

/** `ar=W:H` as width / height, clamped so that a 1 px side stays possible within MAX_SIDE. */
export function parseAspectRatio(key: string, raw: string): number {
  const [, w, h] = RATIO.exec(raw) ?? [];
  const ratio = Number(w) / Number(h);
  if (!(ratio > 0 && Number.isFinite(ratio))) throw invalid(key, 'W:H with two positive numbers');
  return clamp(round(ratio, 6), round(1 / MAX_SIDE, 6), MAX_SIDE);
}

/** Pixel offsets and sizes of `rect` are bounded only by what sharp can address. */
const RECT_MAX = 2 ** 31 - 1;
const RECT_FORM = 'x,y,w,h in pixels, fractions or keywords';

function rectOffset(key: string, text: string, [start, center, end]: readonly [string, string, string]): RectOffset {
  if (text === start) return { kind: 'px', value: 0 };
  if (text === center) return { kind: 'align', value: 'center' };
  if (text === end) return { kind: 'align', value: 'end' };
  const n = parseRectNumber(key, text);
  if (n > 0 && n < 1) return { kind: 'fraction', value: clamp(round(n, 4), 0.0001, 0.9999) };
  return { kind: 'px', value: clamp(round(n), 0, RECT_MAX) };
}

function rectSize(key: string, text: string): Dimension {
  if (text === 'full') return { kind: 'fraction', value: 1 };
  parseRectNumber(key, text);
  return parseDimension(key, text, RECT_MAX);
}

function parseRectNumber(key: string, text: string): number {
  if (!DECIMAL.test(text)) throw invalid(key, RECT_FORM);
  return Number(text);
}

/** `rect=x,y,w,h`: x also left/center/right, y also top/middle/bottom, w and h also `full`. */
export function parseRect(key: string, raw: string): Rect {
  const parts = raw.split(',').map((part) => part.trim().toLowerCase());
  if (parts.length !== 4) throw invalid(key, RECT_FORM);
  const [x = '', y = '', w = '', h = ''] = parts;
  return {
    x: rectOffset(key, x, ['left', 'center', 'right']),
    y: rectOffset(key, y, ['top', 'middle', 'bottom']),
    w: rectSize(key, w),
    h: rectSize(key, h),
  };
}

/** `border=size,color`; a zero size is no border. */
export function parseBorder(key: string, raw: string): Border | null {
  const parts = raw.split(',');
  if (parts.length !== 2) throw invalid(key, 'size,color');
  const size = clamp(round(parseNumber(key, parts[0] ?? '')), 0, MAX_SIDE);
  const color = parseColor(key, parts[1] ?? '');
  return size === 0 ? null : { size, color };
}

/** `corner-radius`: one radius for all corners, or four from the top left clockwise. */
export function parseRadii(key: string, raw: string): readonly [number, number, number, number] {
  const radii = raw.split(',').map((part) => clamp(round(parseNumber(key, part)), 0, MAX_SIDE));
  const [a = 0, b = a, c = a, d = a] = radii;
  if (radii.length !== 1 && radii.length !== 4) throw invalid(key, 'one radius or four');
  return [a, b, c, d];
}

/** EXIF orientations by the degree aliases imgix documents. */
const ORIENT_DEGREES: Readonly<Record<string, number>> = { '90': 6, '180': 3, '270': 8 };

/** `orient`: EXIF 1–8 (0, "no orientation", reads as 1) or 90/180/270. */
export function parseOrient(key: string, raw: string): number {
  const text = raw.trim();
  if (/^[0-8]$/.test(text)) return Math.max(1, Number(text));
  if (Object.hasOwn(ORIENT_DEGREES, text)) return ORIENT_DEGREES[text] ?? 1;
  throw invalid(key, '1 to 8, 90, 180 or 270');
}

/** `dpr`, clamped to (0, 8]; zero or less has no meaning and reads as the default 1. */
export function parseDpr(key: string, raw: string): number {
  const n = parseNumber(key, raw);
  return n <= 0 ? 1 : clamp(round(n, 3), 0.001, 8);
}

/** `rot` in degrees clockwise, wrapped into [0, 360): -90 is 270, 450 is 90. */
export function parseRotation(key: string, raw: string): number {
  const degrees = round(((parseNumber(key, raw) % 360) + 360) % 360, 2);
  return degrees === 360 ? 0 : degrees;
}

/** imgix booleans: 1/true and 0/false. */
export function parseBoolean(key: string, raw: string): boolean {
  const text = raw.trim().toLowerCase();
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  throw invalid(key, '1, 0, true or false');
}

/** An overlay's place: a comma list of top/middle/bottom and left/center/right; a missing axis is bottom / right. */
export function parseAlignment(
  key: string,
  raw: string,
): { x: 'left' | 'center' | 'right'; y: 'top' | 'middle' | 'bottom' } {
  const tokens = parseList(raw).map((t) =>
    parseKeyword(key, t, ['top', 'middle', 'bottom', 'left', 'center', 'right']),
  );
  const x = tokens.find((t) => t === 'left' || t === 'center' || t === 'right') ?? 'right';
  const y = tokens.find((t) => t === 'top' || t === 'middle' || t === 'bottom') ?? 'bottom';
  return { x, y } as { x: 'left' | 'center' | 'right'; y: 'top' | 'middle' | 'bottom' };
}
