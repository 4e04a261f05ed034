// Design notes: docs/image-api.md (text: fonts, clipping, outline, shadow).
import sharp from 'sharp';
import type { Color, TextOverlay } from './plan';
import type { Size } from './render-geometry';

/** One raw RGBA layer and where it goes on the image. */
export interface TextLayer {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
}

/** A glyph coverage mask (one byte per pixel) of rendered text. */
interface Mask {
  readonly alpha: Buffer;
  readonly width: number;
  readonly height: number;
}

const escapeMarkup = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** The Pango font description: a generic family (fontconfig picks the font, and falls back per glyph). */
const fontOf = (t: TextOverlay, size: number) =>
  `${t.font.family}${t.font.bold ? ' Bold' : ''}${t.font.italic ? ' Italic' : ''} ${size}`;

const PANGO_ALIGN = { left: 'left', center: 'centre', right: 'right' } as const;

/**
 * Renders text with Pango (sharp's text input) at 72 dpi, so a font size in points is one in pixels. With
 * `wrapAt`, Pango breaks it into lines at most that wide (between words, inside a word that cannot fit, and
 * between any two CJK characters), aligned as txt-align says.
 */
async function maskOf(text: string, t: TextOverlay, size: number, wrapAt: number | null = null): Promise<Mask> {
  const wrapped = wrapAt === null ? {} : { width: wrapAt, wrap: 'word-char' as const, align: PANGO_ALIGN[t.align.x] };
  const image = sharp({
    text: {
      text: `<span foreground="#ffffff">${escapeMarkup(text)}</span>`,
      font: fontOf(t, size),
      dpi: 72,
      rgba: true,
      ...wrapped,
    },
  });
  const { data, info } = await image.extractChannel(3).raw().toBuffer({ resolveWithObject: true });
  return { alpha: data, width: info.width, height: info.height };
}

/** Columns [from, to) of a mask. */
function columns(mask: Mask, from: number, to: number): Mask {
  const width = Math.max(1, to - from);
  const alpha = Buffer.alloc(width * mask.height);
  for (let y = 0; y < mask.height; y++) mask.alpha.copy(alpha, y * width, y * mask.width + from, y * mask.width + to);
  return { alpha, width, height: mask.height };
}

/** Two masks side by side (the two ends of a middle clip). */
function joined(a: Mask, b: Mask): Mask {
  const width = a.width + b.width;
  const alpha = Buffer.alloc(width * a.height);
  for (let y = 0; y < a.height; y++) {
    a.alpha.copy(alpha, y * width, y * a.width, (y + 1) * a.width);
    b.alpha.copy(alpha, y * width + a.width, y * b.width, (y + 1) * b.width);
  }
  return { alpha, width, height: a.height };
}

/** The characters of a clipped text: the first n, the last n, or n split over both ends. */
function kept(chars: readonly string[], n: number, from: TextOverlay['clip']['from'], ellipsis: boolean): string {
  const mark = ellipsis ? '…' : '';
  if (from === 'end') return chars.slice(0, n).join('') + mark;
  if (from === 'start') return mark + chars.slice(chars.length - n).join('');
  const head = Math.ceil(n / 2);
  return chars.slice(0, head).join('') + mark + chars.slice(chars.length - (n - head)).join('');
}

/**
 * The text as a mask no wider than `box`: fit=max scales it down; otherwise txt-clip cuts it (with an ellipsis:
 * the most characters that fit beside "…", found by halving). Characters that could never fit are dropped before
 * rendering, so a 500-character line at a large size costs no more than what shows.
 */
/** The font size at which fit=max measures a line that cannot fit at its own size. */
const PROBE_SIZE = 32;

async function fitted(t: TextOverlay, size: number, box: number, lines: number): Promise<Mask> {
  // No glyph is narrower than a fifth of the size: more characters than this cannot fit.
  const room = Math.ceil(box / (size * 0.2)) + 1;
  const chars = [...t.text];
  if (t.fit === 'wrap') {
    // Wrapped, at most `lines` lines can show: the characters that would fill more are never laid out.
    const wrapped = await maskOf(chars.slice(0, room * lines).join(''), t, size, box);
    return wrapped.width <= box ? wrapped : columns(wrapped, 0, box);
  }
  const text = t.fit === 'max' || chars.length <= room ? t.text : kept(chars, room, t.clip.from, false);
  // fit=max: measured at a small size first, then laid out at the size that fits (never a huge line to shrink).
  const probe = t.fit === 'max' && chars.length > room ? await maskOf(text, t, PROBE_SIZE) : null;
  const layout = probe === null ? size : Math.max(1, Math.min(size, Math.floor((PROBE_SIZE * box) / probe.width)));
  const whole = await maskOf(text, t, layout);
  if (whole.width <= box) return whole;
  if (t.fit === 'max') {
    const height = Math.max(1, Math.round((whole.height * box) / whole.width));
    const raw = { width: whole.width, height: whole.height, channels: 1 as const };
    const { data, info } = await sharp(whole.alpha, { raw })
      .resize(box, height, { fit: 'fill' })
      .extractChannel(0) // sharp writes one band back as sRGB
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { alpha: data, width: info.width, height: info.height };
  }
  if (!t.clip.ellipsis) {
    if (t.clip.from === 'end') return columns(whole, 0, box);
    if (t.clip.from === 'start') return columns(whole, whole.width - box, whole.width);
    const head = Math.ceil(box / 2);
    return joined(columns(whole, 0, head), columns(whole, whole.width - (box - head), whole.width));
  }
  const shown = [...text];
  let [low, high] = [0, shown.length - 1];
  let best = await maskOf('…', t, size);
  while (low < high) {
    const n = Math.ceil((low + high) / 2);
    const candidate = await maskOf(kept(shown, n, t.clip.from, true), t, size);
    if (candidate.width <= box) [low, best] = [n, candidate];
    else high = n - 1;
  }
  return best.width <= box ? best : columns(best, 0, box);
}

/** The mask grown by `radius` pixels in every direction (an outline), by the maximum over offsets on a circle. */
function dilated(mask: Mask, radius: number): Mask {
  const r = Math.ceil(radius);
  const width = mask.width + 2 * r;
  const height = mask.height + 2 * r;
  const alpha = Buffer.alloc(width * height);
  const steps = Math.min(48, Math.max(8, Math.ceil(2 * Math.PI * radius)));
  const offsets = new Set<string>(['0,0']);
  for (let i = 0; i < steps; i++) {
    const angle = (2 * Math.PI * i) / steps;
    for (const k of [0.5, 1]) {
      offsets.add(`${Math.round(Math.cos(angle) * radius * k)},${Math.round(Math.sin(angle) * radius * k)}`);
    }
  }
  for (const offset of offsets) {
    const [dx = 0, dy = 0] = offset.split(',').map(Number);
    for (let y = 0; y < mask.height; y++) {
      const row = (y + r + dy) * width + r + dx;
      for (let x = 0; x < mask.width; x++) {
        const v = mask.alpha[y * mask.width + x];
        if (v > alpha[row + x]) alpha[row + x] = v;
      }
    }
  }
  return { alpha, width, height };
}

/** `color` over the RGBA buffer `out` through `mask` placed at (left, top). */
function paint(out: Buffer, outWidth: number, mask: Mask, left: number, top: number, color: Color): void {
  for (let y = 0; y < mask.height; y++) {
    for (let x = 0; x < mask.width; x++) {
      const a = (mask.alpha[y * mask.width + x] / 255) * color.alpha;
      if (a === 0) continue;
      const i = ((top + y) * outWidth + left + x) * 4;
      const under = out[i + 3] / 255;
      const total = a + under * (1 - a);
      const mix = (c: number, o: number) => Math.round((c * a + o * under * (1 - a)) / total);
      out[i] = mix(color.r, out[i]);
      out[i + 1] = mix(color.g, out[i + 1]);
      out[i + 2] = mix(color.b, out[i + 2]);
      out[i + 3] = Math.round(total * 255);
    }
  }
}

async function blurred(mask: Mask, sigma: number): Promise<Mask> {
  const raw = { width: mask.width, height: mask.height, channels: 1 as const };
  const { data } = await sharp(mask.alpha, { raw })
    .blur(sigma)
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { ...mask, alpha: data };
}

const SHADOW = { r: 0, g: 0, b: 0, alpha: 0.75 };

/**
 * The text overlay for an image of `canvas` size: sizes × dpr; the text box is txt-width wide (default: the image
 * less the padding on both sides); placed by txt-align inside the padding, or at txt-x / txt-y. Shadow (offset and
 * blurred by txt-shad), outline (txt-line) and text are flattened into one RGBA layer, cut to the image.
 * Null when nothing of it lands on the image.
 */
export async function textLayer(t: TextOverlay, canvas: Size, dpr: number): Promise<TextLayer | null> {
  const px = (n: number) => Math.round(n * dpr);
  const [size, pad, line, shad] = [Math.max(1, px(t.size)), px(t.pad), px(t.line), t.shad * dpr];
  const box = Math.max(1, Math.min(canvas.width, t.width === null ? canvas.width - 2 * pad : px(t.width)));
  // Lines below the image's bottom can never show: they are not laid out.
  const visibleLines = Math.ceil(canvas.height / size) + 1;
  const lines = t.text.split('\n').slice(0, visibleLines);
  const glyphs = await fitted({ ...t, text: lines.join('\n') }, size, box, visibleLines);
  const outline = line > 0 ? dilated(glyphs, line) : null;
  const margin = line > 0 ? Math.ceil(line) : 0;
  const drop = Math.round(shad);
  const spread = Math.ceil(shad * 2);
  // txt-bg: a box txt-pad larger than the text on every side, under everything else.
  const boxPad = t.bg === undefined ? 0 : pad;
  const inset = Math.max(spread + margin, boxPad);
  const width = inset + Math.max(glyphs.width + margin + drop + spread, glyphs.width + boxPad);
  const height = inset + Math.max(glyphs.height + margin + drop + spread, glyphs.height + boxPad);
  const layer = Buffer.alloc(width * height * 4);
  const [gx, gy] = [inset, inset]; // the glyphs' corner inside the layer
  if (t.bg !== undefined) {
    const [boxWidth, boxHeight] = [glyphs.width + 2 * boxPad, glyphs.height + 2 * boxPad];
    const solid = { alpha: Buffer.alloc(boxWidth * boxHeight, 255), width: boxWidth, height: boxHeight };
    paint(layer, width, solid, gx - boxPad, gy - boxPad, t.bg);
  }
  if (shad > 0) {
    // The shadow: the outlined (or plain) glyphs moved down and right by txt-shad, blurred by it.
    const body = outline ?? glyphs;
    const [sx, sy] = [gx - (outline === null ? 0 : margin) + drop, gy - (outline === null ? 0 : margin) + drop];
    const shadow = { alpha: Buffer.alloc(width * height), width, height };
    for (let y = 0; y < body.height; y++) {
      body.alpha.copy(shadow.alpha, (sy + y) * width + sx, y * body.width, (y + 1) * body.width);
    }
    const strength = { ...SHADOW, alpha: SHADOW.alpha * Math.min(1, shad / 2) };
    paint(layer, width, await blurred(shadow, Math.max(0.3, shad)), 0, 0, strength);
  }
  if (outline !== null) paint(layer, width, outline, gx - margin, gy - margin, t.lineColor);
  paint(layer, width, glyphs, gx, gy, t.color);

  // Where the glyphs go, then the layer around them. With a box, txt-pad is inside it: the text meets the edges.
  const textWidth = glyphs.width;
  const textHeight = glyphs.height;
  const edge = t.bg === undefined ? pad : 0;
  const alignedX = { left: edge, center: (canvas.width - textWidth) / 2, right: canvas.width - edge - textWidth }[
    t.align.x
  ];
  const alignedY = { top: edge, middle: (canvas.height - textHeight) / 2, bottom: canvas.height - edge - textHeight }[
    t.align.y
  ];
  const left = Math.round(t.x !== null ? px(t.x) : alignedX) - gx;
  const top = Math.round(t.y !== null ? px(t.y) : alignedY) - gy;
  return cropped({ data: layer, width, height, left, top }, canvas);
}

/** The part of a layer inside the canvas (sharp composites only overlays that fit). */
export function cropped(layer: TextLayer, canvas: Size): TextLayer | null {
  const x0 = Math.max(0, layer.left);
  const y0 = Math.max(0, layer.top);
  const x1 = Math.min(canvas.width, layer.left + layer.width);
  const y1 = Math.min(canvas.height, layer.top + layer.height);
  if (x1 <= x0 || y1 <= y0) return null;
  const width = x1 - x0;
  const height = y1 - y0;
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((y0 - layer.top + y) * layer.width + (x0 - layer.left)) * 4;
    layer.data.copy(data, y * width * 4, from, from + width * 4);
  }
  return { data, width, height, left: x0, top: y0 };
}
