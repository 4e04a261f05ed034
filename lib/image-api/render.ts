// Design notes: docs/image-api.md (the render pipeline).
import { stat } from 'node:fs/promises';
import sharp, { type Metadata, type OverlayOptions, type Sharp } from 'sharp';
import { KuraError } from '@/lib/errors';
import { DEFAULT_TRIM_SD, type Color, type ImageFormat, type TransformPlan, type Trim } from './plan';
import { applyAdjust } from './render-adjust';
import { blurhashOf } from './render-blurhash';
import { playOptions, reframed } from './render-animation';
import { markOverlays, type MarkSource } from './render-mark';
import { textLayer } from './render-text';
import { padded, walkTrim } from './render-trim';
import { outputSizeOf } from './output-budget';
import { NOT_AN_IMAGE, tooLarge } from './refusals';
import {
  applyEffects,
  applyOrientation,
  applyStoredEdit,
  blurSigma,
  hasEffects,
  pipelinedEffects,
  settle,
} from './render-effects';
import { editedSize, focalInEdited } from './stored-edit';
import { geometryOf, rectRegion, type Geometry, type Region, type Size } from './render-geometry';

export interface RenderOptions {
  /** Decoding is refused above this many pixels (KURA_MAX_INPUT_PIXELS). */
  readonly maxInputPixels: number;
  /** Outputs above this many pixels (width × height × frames) are refused with 400 (KURA_MAX_OUTPUT_PIXELS). */
  readonly maxOutputPixels: number;
  /** The watermark's bytes and own plan, resolved on delivery; required when the plan has `mark`. */
  readonly mark?: MarkSource;
  /** Called once the plan passed every check, just before the first pixel is decoded. */
  readonly onPixelWork?: () => void;
  /** Internal (one frame of an animation rendered frame by frame): the finished pixels as raw RGBA, not encoded. */
  readonly raw?: boolean;
}

export interface Rendered {
  readonly data: Buffer;
  readonly contentType: string;
  readonly width: number;
  readonly height: number;
}

/**
 * AVIF's encoder effort. Measured (bench/RESULTS.md, image-api (e), 1200 px photo): efforts 0–2 give the
 * same bytes and PSNR within 1 %, effort 0 costs 50–70 % of effort 2's CPU, sharp's default 4 costs
 * ~10× (≈ 4.7 s of CPU) for 5–8 % fewer bytes.
 */
export const AVIF_EFFORT = 0;

/**
 * AVIF's quality scale is not WebP's or JPEG's: at the same q it was 60 % larger than WebP and far
 * better in PSNR. When auto=format chose AVIF (the URL asked for a quality in the JPEG/WebP sense),
 * the quality is mapped so AVIF lands at WebP's PSNR: q75 → 55 gave 85 KiB against WebP's 112 KiB
 * (−24 %) for 34.9 vs 34.7 dB, at WebP's CPU cost. An explicit fm=avif keeps its q as given.
 */
export const autoAvifQuality = (q: number) => Math.max(1, Math.round(q * 0.73));

const CONTENT_TYPES: Record<ImageFormat, string> = {
  jpg: 'image/jpeg',
  pjpg: 'image/jpeg',
  png: 'image/png',
  png8: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

const ALPHA: ReadonlySet<ImageFormat> = new Set(['png', 'png8', 'webp', 'avif', 'gif']);
const WHITE = { r: 255, g: 255, b: 255, alpha: 1 };
const TRANSPARENT = { r: 0, g: 0, b: 0, alpha: 0 };

/**
 * Renders a transform plan with sharp: EXIF orientation, rect, fit, effects, then the output format,
 * with every input metadata (EXIF, GPS, XMP) stripped. Refuses inputs above `maxInputPixels` (413),
 * outputs over the budget (400, before any pixel is decoded) and bytes libvips cannot decode (422).
 * @example await renderImage(bytes, cropTo100, { maxInputPixels: 50e6, maxOutputPixels: 8192 ** 2 }) // plan of
 * w=100&h=100&fit=crop → 100×100, source format
 */
export async function renderImage(input: Buffer | string, plan: TransformPlan, opts: RenderOptions): Promise<Rendered> {
  const file = await sharp(input, { limitInputPixels: false })
    .metadata()
    .catch((err: unknown) => {
      if (err instanceof Error && /unsupported image format/i.test(err.message)) {
        throw new KuraError('bad_request', NOT_AN_IMAGE);
      }
      throw err instanceof Error ? undecodable() : err;
    });
  // fm=json is the header's facts: nothing is decoded, so the input-pixel limit does not apply.
  if (plan.output.format === 'json') return jsonOf(file, input);
  // reverse / skip: a new animation with the kept frames in playing order, rendered like any other.
  const animation = plan.animation;
  const reorders = animation !== null && (animation.reverse || animation.skip > 1);
  if (reorders && plan.frame === null && (file.pages ?? 1) > 1) {
    const all = file.width * (file.pageHeight ?? file.height) * (file.pages ?? 1);
    if (all > opts.maxInputPixels) throw tooLarge(all, opts.maxInputPixels);
    const played = await reframed(input, file, animation, opts.maxInputPixels);
    return renderImage(played, { ...plan, animation: { ...animation, reverse: false, skip: 1 } }, opts);
  }
  // frame/page picks one page (a frame of an animation, a page of a TIFF), clamped to the last.
  const page = plan.frame !== null && (file.pages ?? 1) > 1 ? Math.min(plan.frame, file.pages ?? 1) - 1 : null;
  const meta = page === null ? file : await sharp(input, { limitInputPixels: false, page }).metadata();
  const pages = page === null ? (file.pages ?? 1) : 1;
  const pixels = meta.width * (meta.pageHeight ?? meta.height);
  if (pixels > opts.maxInputPixels) throw tooLarge(pixels, opts.maxInputPixels);

  // An animation stays animated when the output can animate: in one pipeline when every step works on the whole
  // strip of frames (geometry), else frame by frame (effects, orient, a stored edit, colour, trim, overlays).
  const stills = plan.adjust !== null || plan.trim !== null || plan.text !== null || plan.mark !== null;
  const pipelined = !hasEffects(plan) && !stills && plan.orient === null && plan.edit === null;
  const multiFrame = pages > 1 && opts.raw !== true;
  // auto=format's AVIF would keep one frame: such an animation takes the fallback auto=format chose.
  const { format: chosen, animatedFallback } = plan.output;
  const requested = multiFrame && animatedFallback !== null ? animatedFallback : chosen;
  // blurhash renders like a PNG (alpha kept, then flattened on white) and hashes the result.
  const format = requested === 'source' ? sourceFormatOf(file) : requested === 'blurhash' ? 'png' : requested;
  const animates = multiFrame && (format === 'gif' || format === 'webp') && requested !== 'blurhash';
  const animated = animates && pipelined;
  if (animates && pixels * pages > opts.maxInputPixels) throw tooLarge(pixels * pages, opts.maxInputPixels);

  let source: Size =
    plan.orient === null ? meta.autoOrient : { width: meta.width, height: meta.pageHeight ?? meta.height };
  if (plan.orient !== null && plan.orient >= 5) source = { width: source.height, height: source.width };
  // A stored edit (crop, turn, flip) makes a new source; the query's steps all work on it.
  const original = source;
  if (plan.edit !== null) source = editedSize(source, plan.edit);
  const budget = { maxPixels: opts.maxOutputPixels };
  const size = outputSizeOf(plan, source, animates ? pages : 1, budget);
  const limit = opts.maxOutputPixels;
  opts.onPixelWork?.();
  const fits = (width: number, height: number) => width * height * 4 * pages <= FRAMES_BYTES;
  if (animates && !animated && fits(file.width, file.pageHeight ?? file.height) && fits(size.width, size.height)) {
    const whole = await renderFrames(input, file, plan, format, opts);
    if (whole !== null) return whole;
  }

  try {
    const inputOptions = { limitInputPixels: opts.maxInputPixels, autoOrient: plan.orient === null, animated };
    const open = async () => {
      const image = sharp(input, page === null ? inputOptions : { ...inputOptions, page });
      const oriented =
        plan.orient !== null && plan.orient !== 1
          ? await applyOrientation(image, plan.orient, opts.maxInputPixels)
          : image;
      return plan.edit === null ? oriented : applyStoredEdit(oriented, plan.edit, original, opts.maxInputPixels);
    };
    let image = await open();
    // trim: a pass of its own finds the edges; everything after sees the trimmed image as the source.
    const trimmed =
      plan.trim === null
        ? null
        : await trimRegion(
            await open(),
            plan.trim,
            source,
            meta.hasAlpha,
            opts.maxInputPixels + 2 * (source.width + source.height) + 4,
          );
    if (trimmed !== null) {
      source = { width: trimmed.width, height: trimmed.height };
      outputSizeOf(plan, source, 1, budget);
    }

    const rect = rectRegion(plan.rect, source);
    // A stored focal point (the query named no cut of its own) is fp-x/fp-y in the edited frame.
    const focal = plan.edit?.focal ?? null;
    const crop =
      focal === null ? plan.crop : { mode: 'focalpoint' as const, ...focalInEdited(focal, plan.edit!, original), z: 1 };
    const geometry = geometryOf(plan.resize, crop, rect ?? source);
    const extract = within(trimmed, within(rect, geometry.extract));
    if (extract !== null) image = image.extract(extract);
    image =
      plan.fill?.mode === 'blur' && geometry.extend !== null && !animated
        ? await blurFilled(image, geometry, limit)
        : sized(image, geometry, fillColorOf(plan, format, animated));

    if (plan.adjust !== null) image = await applyAdjust(await settle(image, limit), plan.adjust, limit);

    // Steps still waiting in the pipeline: sharp flattens before it extends, so bg needs a settled image.
    let pending = geometry.extend !== null && !animated && plan.adjust === null;
    if (hasEffects(plan)) {
      const pipelined = geometry.extend === null ? pipelinedEffects(image, plan, geometry) : null;
      image = pipelined ?? (await applyEffects(await settle(image, limit), plan, limit));
      pending = pipelined !== null;
    }
    if (plan.mark !== null || plan.text !== null) {
      // Watermark, then text, over the finished image (after pad and border), in one composite.
      image = await settle(image, limit);
      const { width, height } = await image.metadata();
      const canvas = { width, height };
      const overlays: OverlayOptions[] = [];
      if (plan.mark !== null) {
        if (opts.mark === undefined) throw new Error('renderImage: a plan with mark needs opts.mark');
        const own = (markInput: Buffer | string, markPlan: TransformPlan) => renderOwnMark(markInput, markPlan, opts);
        overlays.push(...(await markOverlays(plan.mark, opts.mark, canvas, plan.resize.dpr, own)));
      }
      const layer = plan.text === null ? null : await textLayer(plan.text, canvas, plan.resize.dpr);
      if (layer !== null) {
        const raw = { width: layer.width, height: layer.height, channels: 4 as const };
        overlays.push({ input: layer.data, raw, left: layer.left, top: layer.top });
      }
      if (overlays.length > 0) image = image.composite(overlays);
      pending = overlays.length > 0;
    }
    const settled = async () => (pending ? settle(image, limit) : image);
    const background =
      plan.bg ?? (ALPHA.has(format) ? null : ((plan.fill?.mode === 'solid' ? plan.fill.color : null) ?? WHITE));
    if (background !== null && (background.alpha === 1 || !ALPHA.has(format))) {
      image = (await settled()).flatten({ background });
    } else if (background !== null && !animated) {
      image = await underlay(await settle(image, limit), background, limit);
    }

    if (requested === 'blurhash') {
      const hash = await blurhashOf(image, limit);
      const { width, height } = geometry;
      return { data: Buffer.from(hash), contentType: 'text/plain; charset=utf-8', width, height };
    }
    if (opts.raw === true) {
      const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      return { data, contentType: 'raw', width: info.width, height: info.height };
    }
    const { data, info } = await encoded(image, format, plan).toBuffer({ resolveWithObject: true });
    return { data, contentType: CONTENT_TYPES[format], width: info.width, height: info.pageHeight ?? info.height };
  } catch (err) {
    if (err instanceof KuraError) throw err;
    if (err instanceof Error && /pixel limit/i.test(err.message)) throw tooLarge(pixels * pages, opts.maxInputPixels);
    // libvips names its loader in what it cannot read (VipsJpeg, gifload, pngload…): the bytes are bad, not Kura.
    if (err instanceof Error && UNDECODABLE.test(err.message)) throw undecodable();
    throw err;
  }
}

const UNDECODABLE =
  /vips|load|premature|corrupt|truncat|invalid|unsupported image format|decod|read error|bad (seek|huffman)/i;

/** 422: the stored bytes are not an image sharp can decode (a truncated upload, a damaged file). */
export const undecodable = () =>
  new KuraError(
    'unprocessable',
    'The image cannot be decoded, so it cannot be transformed (the file may be damaged or cut short)',
  );

/** At most this much raw RGBA (the decoded frames, and the rendered ones) for an animation rendered frame by frame. */
const FRAMES_BYTES = 64 * 1024 * 1024;

/**
 * An animation whose steps work on one picture at a time, rendered frame by frame and encoded again as one animation
 * with the source's delays and loop (or the plan's fps and loop). The frames are decoded once, together (a GIF or
 * WebP frame is drawn over the ones before it, so decoding frame n alone would decode all before it again), and each
 * is rendered as a still with the whole plan. Null when the frames come out of different sizes (trim): then the
 * first frame alone is the answer.
 */
async function renderFrames(
  input: Buffer | string,
  file: Metadata,
  plan: TransformPlan,
  format: 'gif' | 'webp',
  opts: RenderOptions,
): Promise<Rendered | null> {
  const pages = file.pages ?? 1;
  const pageHeight = file.pageHeight ?? file.height;
  const frameBytes = file.width * pageHeight * 4;
  const decoded = await sharp(input, { animated: true, limitInputPixels: opts.maxInputPixels })
    .ensureAlpha()
    .raw()
    .toBuffer();
  const raw = { width: file.width, height: pageHeight, channels: 4 as const };
  const still = { ...opts, raw: true, onPixelWork: undefined };
  const frames: Buffer[] = [];
  let first: { width: number; height: number } | null = null;
  for (let page = 0; page < pages; page++) {
    const picture = await sharp(decoded.subarray(page * frameBytes, (page + 1) * frameBytes), { raw })
      .png({ compressionLevel: 0 })
      .toBuffer();
    const frame = await renderImage(picture, plan, still);
    first ??= frame;
    if (frame.width !== first.width || frame.height !== first.height) return null;
    frames.push(frame.data);
  }
  const { width, height } = first!;
  const image = sharp(Buffer.concat(frames), {
    raw: { width, height: height * pages, channels: 4, pageHeight: height },
  });
  const timing = { loop: file.loop ?? 0, ...(file.delay ? { delay: file.delay } : {}), ...playOptions(plan.animation) };
  const { quality, lossless } = plan.output;
  const encoder = format === 'gif' ? image.gif(timing) : image.webp({ quality: quality ?? 75, lossless, ...timing });
  return { data: await encoder.toBuffer(), contentType: CONTENT_TYPES[format], width, height };
}

/** The watermark's own parameters, rendered as a PNG (alpha kept) under the same limits; no watermark of its own. */
async function renderOwnMark(input: Buffer | string, plan: TransformPlan, opts: RenderOptions): Promise<Buffer> {
  const output = { ...plan.output, format: 'png' as const, quality: null, animatedFallback: null };
  const own = { ...plan, mark: null, output };
  const limits = { maxInputPixels: opts.maxInputPixels, maxOutputPixels: opts.maxOutputPixels };
  return (await renderImage(input, own, limits)).data;
}

/**
 * The region `trim` keeps, in the oriented source: imgix's walk for auto (render-trim.ts: trim-md and trim-sd),
 * sharp's trim for color (a colour within the threshold, the top-left pixel's by default), the alpha channel's
 * bounding box for alpha. trim-pad is sharp's margin. An image that would trim to nothing keeps its full size
 * (sharp's rule).
 */
async function trimRegion(image: Sharp, trim: Trim, source: Size, hasAlpha: boolean, limit: number): Promise<Region> {
  const { width, height } = source;
  const full = { left: 0, top: 0, width, height };
  if (trim.mode === 'auto') {
    const { data, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const pixels = { data, width: info.width, height: info.height, channels: info.channels };
    const limits = { meanDifference: trim.threshold, deviation: trim.deviation ?? DEFAULT_TRIM_SD };
    return padded(walkTrim(pixels, limits), trim.pad, source);
  }
  const byAlpha = trim.mode === 'alpha' || (trim.mode === 'colorunlessalpha' && hasAlpha);
  if (byAlpha && !hasAlpha) return full; // nothing is transparent: nothing to trim
  // By alpha: the alpha channel framed in one transparent pixel (its own pass: sharp trims before it extends),
  // so that the "top-left" colour is transparency.
  const frame = byAlpha ? 1 : 0;
  // (sharp extends a single band with the background's alpha, so transparent black is 0.)
  const alphaFrame = { top: 1, right: 1, bottom: 1, left: 1, background: TRANSPARENT };
  const pass = byAlpha
    ? (await settle(image.extractChannel('alpha').extend(alphaFrame), limit)).trim({ threshold: 0, margin: trim.pad })
    : image.trim({
        ...(trim.color === null ? {} : { background: trim.color }),
        threshold: trim.threshold,
        margin: trim.pad,
      });
  const { info } = await pass.raw().toBuffer({ resolveWithObject: true });
  const left = Math.max(0, -(info.trimOffsetLeft ?? 0) - frame);
  const top = Math.max(0, -(info.trimOffsetTop ?? 0) - frame);
  const region = {
    left,
    top,
    width: Math.min(width - left, info.width),
    height: Math.min(height - top, info.pageHeight ?? info.height),
  };
  return region.width > 0 && region.height > 0 ? region : full;
}

/** A translucent bg: the image over a canvas of that colour, keeping the result's own transparency. */
async function underlay(image: Sharp, color: Color, limit: number): Promise<Sharp> {
  const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  const canvas = sharp({ create: { width: info.width, height: info.height, channels: 4, background: color } });
  return settle(canvas.composite([{ input: data, raw }]), limit);
}

/** rect, then the focal-point cut inside it, as one region of the oriented source. */
function within(rect: Region | null, inner: Region | null): Region | null {
  if (inner === null) return rect;
  return rect === null ? inner : { ...inner, left: rect.left + inner.left, top: rect.top + inner.top };
}

const GRAVITY = {
  left: { top: 'northwest', center: 'west', bottom: 'southwest' },
  center: { top: 'north', center: 'centre', bottom: 'south' },
  right: { top: 'northeast', center: 'east', bottom: 'southeast' },
} as const;

function sized(image: Sharp, geometry: Geometry, fill: Color): Sharp {
  let out = image;
  const { resize, cover, extend } = geometry;
  if (resize !== null && cover === null) out = out.resize({ ...resize, fit: 'fill' });
  if (resize !== null && cover !== null) {
    // imgix's `edges` has no sharp counterpart; entropy is the nearest.
    const position =
      cover.mode === 'position'
        ? GRAVITY[cover.x][cover.y]
        : cover.mode === 'attention'
          ? sharp.strategy.attention
          : sharp.strategy.entropy;
    out = out.resize({ ...resize, fit: 'cover', position });
  }
  if (extend !== null) {
    const { copy, ...sides } = extend;
    out = out.extend(copy ? { ...sides, extendWith: 'copy' } : { ...sides, background: fill });
  }
  return out;
}

/** fill=blur: the contained image over a blurred copy of itself that covers the whole box. */
async function blurFilled(image: Sharp, geometry: Geometry, limit: number): Promise<Sharp> {
  const { extend, width, height } = geometry;
  const inner = await sized(image, { ...geometry, extend: null }, TRANSPARENT)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { width: inner.info.width, height: inner.info.height, channels: inner.info.channels };
  const backdrop = sharp(inner.data, { raw })
    .resize(width, height, { fit: 'cover' })
    .blur(blurSigma(Math.max(width, height) / 2));
  return settle(
    backdrop.composite([{ input: inner.data, raw, left: extend?.left ?? 0, top: extend?.top ?? 0 }]),
    limit,
  );
}

/**
 * fit=fill's colour: fill-color, else transparent where the format allows, else white. An animation
 * is never settled, and sharp flattens before it extends, so an opaque bg is laid under the colour here.
 */
function fillColorOf(plan: TransformPlan, format: ImageFormat, animated: boolean): Color {
  const chosen = plan.fill?.mode === 'solid' ? plan.fill.color : null;
  const color = chosen ?? (ALPHA.has(format) ? TRANSPARENT : WHITE);
  return animated && plan.bg?.alpha === 1 ? over(color, plan.bg) : color;
}

/** `top` painted over an opaque `under`. */
function over(top: Color, under: Color): Color {
  const mix = (t: number, u: number) => Math.round(t * top.alpha + u * (1 - top.alpha));
  return { r: mix(top.r, under.r), g: mix(top.g, under.g), b: mix(top.b, under.b), alpha: 1 };
}

function encoded(image: Sharp, format: ImageFormat, plan: TransformPlan): Sharp {
  const quality = plan.output.quality ?? 75;
  const { lossless } = plan.output;
  switch (format) {
    case 'jpg':
      return image.jpeg({ quality });
    case 'pjpg':
      return image.jpeg({ quality, progressive: true });
    case 'png':
      return image.png();
    case 'png8':
      return image.png({ palette: true });
    case 'webp':
      return image.webp({ quality, lossless, ...playOptions(plan.animation) });
    case 'avif': {
      const chosenByAuto = plan.output.animatedFallback !== null;
      return image.avif({ quality: chosenByAuto ? autoAvifQuality(quality) : quality, lossless, effort: AVIF_EFFORT });
    }
    case 'gif':
      return image.gif(playOptions(plan.animation));
  }
}

/** The output format for fm=source (or auto=format without a better match): the input's own, where sharp writes it. */
function sourceFormatOf(meta: Metadata): ImageFormat {
  switch (meta.format) {
    case 'jpeg':
      return 'jpg';
    case 'png':
    case 'webp':
    case 'gif':
      return meta.format;
    case 'heif':
      return meta.compression === 'av1' ? 'avif' : 'jpg';
    default:
      return meta.hasAlpha ? 'png' : 'jpg';
  }
}

/** fm=json: the source's metadata, under Kura's names and imgix's (never EXIF, so never GPS). */
async function jsonOf(meta: Metadata, input: Buffer | string): Promise<Rendered> {
  const bytes = typeof input === 'string' ? (await stat(input)).size : input.length;
  const { width, height } = meta.autoOrient;
  const contentType = meta.format === 'jpeg' ? 'image/jpeg' : `image/${meta.format}`;
  const body = {
    width,
    height,
    format: meta.format,
    contentType,
    bytes,
    orientation: meta.orientation ?? 1,
    hasAlpha: meta.hasAlpha,
    space: meta.space,
    density: meta.density ?? null,
    pages: meta.pages ?? 1,
    PixelWidth: width,
    PixelHeight: height,
    Orientation: meta.orientation ?? 1,
    'Content-Type': contentType,
    'Content-Length': String(bytes),
  };
  return { data: Buffer.from(JSON.stringify(body)), contentType: 'application/json', width, height };
}
