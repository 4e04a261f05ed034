// Design notes: docs/image-api.md (text).
import { badRequest } from '@/lib/errors';
import { MAX_SIDE, invalid, numberIn, parseAlignment, parseColor, parseKeyword, parseList } from './param-values';
import type { TextFont, TextOverlay } from './plan';

/** imgix's text parameters (txt and txt-*). */
export const TEXT_PARAMS = [
  'txt',
  'txt-align',
  'txt-clip',
  'txt-color',
  'txt-fit',
  'txt-font',
  'txt-size',
  'txt-line',
  'txt-line-color',
  'txt-pad',
  'txt-shad',
  'txt-width',
  'txt-x',
  'txt-y',
  'txt-bg',
] as const;
export type TextParam = (typeof TEXT_PARAMS)[number];

/** imgix's aliases for them (imgix-url-params, dist/parameters.json); `t` is txt. */
export const TEXT_ALIASES: Readonly<Record<string, TextParam>> = {
  t: 'txt',
  txtalign: 'txt-align',
  ta: 'txt-align',
  txtclip: 'txt-clip',
  tcl: 'txt-clip',
  txtcolor: 'txt-color',
  'txt-clr': 'txt-color',
  txtclr: 'txt-color',
  tc: 'txt-color',
  txtfit: 'txt-fit',
  tf: 'txt-font',
  txtfont: 'txt-font',
  txtline: 'txt-line',
  tl: 'txt-line',
  txtlinecolor: 'txt-line-color',
  'txt-line-clr': 'txt-line-color',
  txtlineclr: 'txt-line-color',
  txtpad: 'txt-pad',
  tp: 'txt-pad',
  txtshad: 'txt-shad',
  tsh: 'txt-shad',
  tsz: 'txt-size',
  txtsize: 'txt-size',
  txtwidth: 'txt-width',
};

/** Longer text is refused: an overlay is a title or a caption, and each character costs layout work. */
export const MAX_TEXT_LENGTH = 500;
/** The largest font size in pixels (before dpr): a line of one glyph of it already spans the 8192 px box. */
const MAX_TEXT_SIZE = 1024;

export type TextReader = <T>(param: TextParam, parse: (key: string, value: string) => T) => T | null;

function parseText(key: string, raw: string): string {
  const length = [...raw].length;
  if (length > MAX_TEXT_LENGTH) {
    throw badRequest(`"${key}" is ${length} characters long; the limit is ${MAX_TEXT_LENGTH}`);
  }
  return raw;
}

function parseClip(key: string, raw: string): TextOverlay['clip'] {
  const tokens = parseList(raw).map((t) => parseKeyword(key, t, ['start', 'middle', 'end', 'ellipsis']));
  const from = tokens.find((t) => t !== 'ellipsis') ?? 'end';
  return { from: from as 'start' | 'middle' | 'end', ellipsis: tokens.includes('ellipsis') };
}

const GENERIC = ['serif', 'sans-serif', 'monospace'] as const;
const SERIF =
  /times|georgia|baskerville|didot|palatino|cochin|charter|hoefler|iowan|athelas|clarendon|caslon|marion|serif/i;
const MONO = /courier|mono|menlo|monaco|typewriter/i;

/**
 * `txt-font`: imgix's generic families with `,bold` / `,italic`; any other name (a macOS font imgix has) maps to the
 * nearest generic family, with bold and italic read from the name, and is reported as approximated.
 */
export function parseFont(key: string, raw: string): { font: TextFont; approximated: boolean } {
  const parts = raw.split(',').map((p) => p.trim().toLowerCase());
  const [family = '', ...styles] = parts;
  const generic = (GENERIC as readonly string[]).includes(family) ? (family as TextFont['family']) : null;
  if (generic !== null && styles.every((s) => s === 'bold' || s === 'italic')) {
    return {
      font: { family: generic, bold: styles.includes('bold'), italic: styles.includes('italic') },
      approximated: false,
    };
  }
  const name = raw.trim();
  if (name === '') throw invalid(key, 'a font name');
  const nearest = /sans/i.test(name)
    ? 'sans-serif'
    : SERIF.test(name)
      ? 'serif'
      : MONO.test(name)
        ? 'monospace'
        : 'sans-serif';
  return {
    font: { family: nearest, bold: /bold|black|heavy|demi/i.test(name), italic: /italic|oblique/i.test(name) },
    approximated: true,
  };
}

const BLACK = { r: 0, g: 0, b: 0, alpha: 1 };
const WHITE = { r: 255, g: 255, b: 255, alpha: 1 };

/** imgix's fit modes; wrapmax (wrap, then shrink to txt-h) is drawn as wrap, as Kura has no txt-h. */
const FITS = ['max', 'wrap', 'wrapmax'] as const;

/** What of the text overlay Kura draws only approximately (listed in Kura-Ignored-Params). */
export interface Approximated {
  readonly font: boolean;
  readonly fit: boolean;
}

/**
 * The text overlay with imgix's defaults (bottom right, 12 px, black, 10 px padding, Helvetica → sans-serif).
 * With txt-bg, txt-pad is the padding inside the box and its default drops to 0 (imgix).
 */
export function readText(read: TextReader): { text: TextOverlay | null; approximated: Approximated } {
  const text = read('txt', parseText);
  const font = read('txt-font', parseFont);
  const fit = read('txt-fit', (key, value) => parseKeyword(key, value, FITS));
  const bg = read('txt-bg', parseColor);
  const pixels = numberIn(0, MAX_SIDE);
  const overlay: { -readonly [K in keyof TextOverlay]: TextOverlay[K] } = {
    text: text ?? '',
    align: read('txt-align', parseAlignment) ?? { x: 'right', y: 'bottom' },
    clip: read('txt-clip', parseClip) ?? { from: 'end', ellipsis: false },
    color: read('txt-color', parseColor) ?? BLACK,
    fit: fit === 'wrapmax' ? 'wrap' : fit,
    font: font?.font ?? { family: 'sans-serif', bold: false, italic: false },
    size: read('txt-size', numberIn(1, MAX_TEXT_SIZE)) ?? 12,
    line: read('txt-line', numberIn(0, 100)) ?? 0,
    lineColor: read('txt-line-color', parseColor) ?? WHITE,
    pad: read('txt-pad', pixels) ?? (bg === null || bg.alpha === 0 ? 10 : 0),
    shad: read('txt-shad', numberIn(0, 10, 2)) ?? 0,
    width: read('txt-width', numberIn(1, MAX_SIDE)),
    x: read('txt-x', pixels),
    y: read('txt-y', pixels),
    ...(bg === null || bg.alpha === 0 ? {} : { bg }), // a transparent box is no box
  };
  if (overlay.line === 0) overlay.lineColor = WHITE; // inert without an outline: one key either way
  // Text that draws nothing (empty, or fully transparent without an outline, shadow or box) is no overlay at all.
  const inked = overlay.color.alpha > 0 || overlay.line > 0 || overlay.shad > 0 || overlay.bg !== undefined;
  const visible = overlay.text.trim() !== '' && inked;
  return {
    text: visible ? overlay : null,
    approximated: { font: visible && (font?.approximated ?? false), fit: visible && fit === 'wrapmax' },
  };
}
