// Design notes: docs/image-api.md (watermarks).
import { MAX_SIDE, invalid, numberIn, parseAlignment, parseDimension, parseKeyword } from './param-values';
import type { Watermark } from './plan';

/** imgix's watermark parameters. */
export const MARK_PARAMS = [
  'mark',
  'mark-alpha',
  'mark-align',
  'mark-w',
  'mark-h',
  'mark-scale',
  'mark-pad',
  'mark-x',
  'mark-y',
  'mark-fit',
  'mark-tile',
  'mark-base',
] as const;
export type MarkParam = (typeof MARK_PARAMS)[number];

/** imgix's aliases for them (imgix-url-params, dist/parameters.json). */
export const MARK_ALIASES: Readonly<Record<string, MarkParam>> = {
  m: 'mark',
  ma: 'mark-align',
  markalign: 'mark-align',
  markalpha: 'mark-alpha',
  malph: 'mark-alpha',
  mf: 'mark-fit',
  markfit: 'mark-fit',
  mh: 'mark-h',
  markh: 'mark-h',
  mp: 'mark-pad',
  markpad: 'mark-pad',
  ms: 'mark-scale',
  markscale: 'mark-scale',
  mtile: 'mark-tile',
  marktile: 'mark-tile',
  mw: 'mark-w',
  markw: 'mark-w',
  mx: 'mark-x',
  markx: 'mark-x',
  my: 'mark-y',
  marky: 'mark-y',
  markbase: 'mark-base',
  mb: 'mark-base',
};

export type MarkReader = <T>(param: MarkParam, parse: (key: string, value: string) => T) => T | null;

/** `mark`: an absolute http(s) URL or a root-relative path; whether it is this service's is decided on delivery. */
function parseMarkUrl(key: string, raw: string): string {
  const text = raw.trim();
  if (text.startsWith('/') && !text.startsWith('//')) return text;
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // fall through to the 400
  }
  throw invalid(key, 'the URL of an image');
}

const MARK_FITS = ['clip', 'crop', 'fill', 'max', 'scale'] as const;

/**
 * The watermark with imgix's defaults (bottom right, 5 px padding, fully opaque, fit=clip); null without `mark`.
 * `mark-base` is put in front of `mark` as imgix does, and the whole must then be a URL of this service.
 */
export function readMark(read: MarkReader): Watermark | null {
  const base = read('mark-base', (_, value) => value.trim()) ?? '';
  const url = read('mark', (key, value) => parseMarkUrl(key, base + value.trim()));
  const mark: Watermark = {
    url: url ?? '',
    source: null,
    alpha: (read('mark-alpha', numberIn(0, 100)) ?? 100) / 100,
    align: read('mark-align', parseAlignment) ?? { x: 'right', y: 'bottom' },
    w: read('mark-w', parseDimension),
    h: read('mark-h', parseDimension),
    scale: read('mark-scale', numberIn(0, 100)),
    pad: read('mark-pad', numberIn(0, MAX_SIDE)) ?? 5,
    x: read('mark-x', numberIn(0, MAX_SIDE)),
    y: read('mark-y', numberIn(0, MAX_SIDE)),
    fit: read('mark-fit', (key, value) => parseKeyword(key, value, MARK_FITS)) ?? 'clip',
    tile: read('mark-tile', (key, value) => parseKeyword(key, value, ['grid'])),
  };
  return url === null || mark.alpha === 0 ? null : mark;
}
