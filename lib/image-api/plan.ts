/**
 * The Image API plan: what an imgix-style query asks for, validated and normalised.
 * `parseImageParams` builds it; `render` turns a `TransformPlan` into one sharp pipeline;
 * the variant cache keys on `cacheKey`. Every value is plain JSON (no classes, no undefined).
 */

export const FIT_MODES = ['clamp', 'clip', 'crop', 'fill', 'fillmax', 'max', 'min', 'scale'] as const;
export type Fit = (typeof FIT_MODES)[number];

/** Encoded image formats Kura can produce. `png8` is a palette PNG. */
export const IMAGE_FORMATS = ['jpg', 'pjpg', 'png', 'png8', 'webp', 'avif', 'gif'] as const;
/** Formats that describe the image instead of encoding it. */
export const DATA_FORMATS = ['json', 'blurhash'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];
export type DataFormat = (typeof DATA_FORMATS)[number];
/** `source`: keep the original's format (auto=format found nothing better in Accept). */
export type OutputFormat = ImageFormat | DataFormat | 'source';

/** A length in pixels, or a fraction of the source's side (0 < value < 1; rect's `full` is 1). */
export type Dimension =
  { readonly kind: 'px'; readonly value: number } | { readonly kind: 'fraction'; readonly value: number };

/** A rect edge: pixels, a fraction, or aligned (`end` is right for x, bottom for y; left/top are 0 px). */
export type RectOffset = Dimension | { readonly kind: 'align'; readonly value: 'center' | 'end' };

/** A source region cut before any resizing (`rect=x,y,w,h`). */
export interface Rect {
  readonly x: RectOffset;
  readonly y: RectOffset;
  readonly w: Dimension;
  readonly h: Dimension;
}

export interface Resize {
  readonly w: Dimension | null;
  readonly h: Dimension | null;
  readonly fit: Fit;
  /** 1 unless `w` or `h` is set: imgix applies dpr only to a requested size. */
  readonly dpr: number;
  /** Width / height; only with fit=crop or fit=fill. */
  readonly ar: number | null;
  /** Pixel bounds; only with fit=crop. */
  readonly min: { readonly w: number | null; readonly h: number | null };
  readonly max: { readonly w: number | null; readonly h: number | null };
}

/** How fit=crop chooses what to keep. `attention` stands in for imgix's face detection. */
export type Crop =
  | { readonly mode: 'position'; readonly x: 'left' | 'center' | 'right'; readonly y: 'top' | 'center' | 'bottom' }
  | { readonly mode: 'focalpoint'; readonly x: number; readonly y: number; readonly z: number }
  | { readonly mode: 'entropy' | 'edges' | 'attention' };

/** sRGB channels 0–255 and alpha 0–1. */
export interface Color {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly alpha: number;
}

/** Extra space from fit=fill/fillmax. A null colour lets render pick white or transparent by format. */
export type Fill = { readonly mode: 'solid'; readonly color: Color | null } | { readonly mode: 'blur' };

export interface Border {
  readonly size: number;
  readonly color: Color;
}

export interface Sides {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Radii are top-left, top-right, bottom-right, bottom-left; null means imgix's 20% of the shorter side. */
export type Mask =
  | { readonly kind: 'ellipse' }
  | { readonly kind: 'corners'; readonly radius: readonly [number, number, number, number] | null };

export interface Output {
  /** Already negotiated: `fm`, else auto=format against Accept, else `source`. */
  readonly format: OutputFormat;
  /**
   * What an animated source gets instead when auto=format chose a format that cannot animate (AVIF):
   * WebP if Accept names it, else the source's own. Null when `format` is final (fm, or no AVIF).
   */
  readonly animatedFallback: 'webp' | 'source' | null;
  /** 1–100 for formats that take a quality; null for png, png8, gif, json and blurhash. */
  readonly quality: number | null;
  readonly lossless: boolean;
  /** auto=compress: smaller output (default quality 45 instead of 75). */
  readonly compress: boolean;
}

/**
 * Colour and detail (imgix's adjustment and stylize parameters), each already clamped to imgix's range;
 * null in the plan when every one is at its default. Render order: docs/image-api.md.
 */
export interface Adjust {
  /** -100–100 each. */
  readonly bri: number;
  readonly con: number;
  readonly exp: number;
  readonly gam: number;
  /** -100–0. */
  readonly high: number;
  /** 0–100. */
  readonly shad: number;
  /** -100–100; -100 is greyscale. */
  readonly sat: number;
  readonly vib: number;
  /** Degrees, 0 ≤ hue < 360. */
  readonly hue: number;
  readonly invert: boolean;
  /** Shades of one colour; the colour's alpha is the effect's strength. */
  readonly monochrome: Color | null;
  /** 0–100. */
  readonly sepia: number;
  /** Shadows to `dark`, highlights to `light`; alpha 0–1 from duotone-alpha (default 1). */
  readonly duotone: { readonly dark: Color; readonly light: Color; readonly alpha: number } | null;
  /** Pixelate: block size in pixels, 0–100. */
  readonly px: number;
  /** Unsharp mask: amount -100–100 (negative softens), radius ≥ 0 (default 2.5). */
  readonly usm: { readonly amount: number; readonly radius: number } | null;
  /** Noise reduction (approximated): bound and sharpen, -100–100, default 20 each. */
  readonly nr: { readonly bound: number; readonly sharpen: number } | null;
  /** Halftone: 0–100. */
  readonly htn: number;
}

export const TRIM_MODES = ['auto', 'color', 'alpha', 'colorunlessalpha'] as const;
export type TrimMode = (typeof TRIM_MODES)[number];

/** Edges cut from the source before anything else. */
export interface Trim {
  readonly mode: TrimMode;
  /** trim=color's colour (trim-color); null means the top-left pixel's. */
  readonly color: Color | null;
  /** Allowed difference from the colour: trim-md for auto (default 11), trim-tol for color (default 0). */
  readonly threshold: number;
  /** trim-pad: pixels of the trimmed border kept around the content. */
  readonly pad: number;
  /** trim-sd, auto only (absent otherwise, so the other modes' keys stay as they were): a line's largest deviation. */
  readonly deviation?: number;
}

/** imgix's default trim-sd. */
export const DEFAULT_TRIM_SD = 10;

export interface TextFont {
  readonly family: 'serif' | 'sans-serif' | 'monospace';
  readonly bold: boolean;
  readonly italic: boolean;
}

/** `txt` and `txt-*`: one text overlay, sizes in CSS pixels (render multiplies them by dpr). */
export interface TextOverlay {
  /** At most 500 characters; `\n` breaks lines. */
  readonly text: string;
  readonly align: { readonly x: 'left' | 'center' | 'right'; readonly y: 'top' | 'middle' | 'bottom' };
  /** What goes when the text is wider than its box: the end (default), the start or the middle, with or without "…". */
  readonly clip: { readonly from: 'start' | 'middle' | 'end'; readonly ellipsis: boolean };
  readonly color: Color;
  /** `max`: shrink the text to its box instead of clipping it; `wrap`: break it into lines as wide as the box. */
  readonly fit: 'max' | 'wrap' | null;
  readonly font: TextFont;
  readonly size: number;
  /** Outline width in pixels (0 = none) and its colour. */
  readonly line: number;
  readonly lineColor: Color;
  /** Distance from the image's edges (and the box's inset). */
  readonly pad: number;
  /** Shadow strength 0–10. */
  readonly shad: number;
  /** Width of the text box; null = the image's width less the padding. */
  readonly width: number | null;
  /** Absolute position of the box's top-left corner; overrides txt-align on that axis. */
  readonly x: number | null;
  readonly y: number | null;
  /**
   * txt-bg: a box of this colour behind the text, txt-pad inside it (and the text then aligned to the edges).
   * Absent without txt-bg, so the keys of text without a box stay as they were.
   */
  readonly bg?: Color;
}

/** `mark` and `mark-*`: a watermark from this service's own media. */
export interface Watermark {
  /** The watermark's delivery URL as given, its own Image API parameters included. */
  readonly url: string;
  /**
   * The watermark media's content hash, set on delivery once `url` is found to be one of this service's media:
   * part of `cacheKey`, so re-uploading the watermark changes every variant that uses it. Null from the parser.
   */
  readonly source: string | null;
  /** Opacity 0–1 (mark-alpha / 100). */
  readonly alpha: number;
  readonly align: { readonly x: 'left' | 'center' | 'right'; readonly y: 'top' | 'middle' | 'bottom' };
  /** Box for the watermark: pixels, or fractions of the base image. */
  readonly w: Dimension | null;
  readonly h: Dimension | null;
  /** Width as a percentage of the base image's width (when neither mark-w nor mark-h is given). */
  readonly scale: number | null;
  readonly pad: number;
  readonly x: number | null;
  readonly y: number | null;
  readonly fit: 'clip' | 'crop' | 'fill' | 'max' | 'scale';
  /** `grid`: repeat the watermark over the whole image. */
  readonly tile: 'grid' | null;
}

/** `loop`, `fps`, `reverse`, `skip`: how an animation that stays animated plays. */
export interface Animation {
  /** Times to play (0 = forever); null keeps the source's. */
  readonly loop: number | null;
  /** Frames per second for every frame; null keeps the source's delays. */
  readonly fps: number | null;
  readonly reverse: boolean;
  /** Keep one frame in `skip` (frames 1, 1 + skip, 1 + 2·skip…); 1 keeps all. */
  readonly skip: number;
}

/**
 * A media item's stored edit (lib/image-api/stored-edit.ts), applied to the source before anything else: the crop
 * (pixels of the oriented original), a quarter turn clockwise, a flip; `focal` (fractions of the original) when it
 * decides fit=crop's cut because the query named none.
 */
export interface StoredEdit {
  readonly crop: { readonly x: number; readonly y: number; readonly w: number; readonly h: number } | null;
  readonly rotate: 0 | 90 | 180 | 270;
  readonly flip: 'none' | 'h' | 'v' | 'hv';
  readonly focal: { readonly x: number; readonly y: number } | null;
}

/** `dl`: serve as an attachment; a null name means the original file name. */
export interface Download {
  readonly fileName: string | null;
}

interface PlanCommon {
  readonly download: Download | null;
  /** Parameters that had no effect, sorted and unique, for `Kura-Ignored-Params`. */
  readonly ignored: readonly string[];
  /** auto=format without fm: the response depends on Accept (`Vary: Accept`). */
  readonly varyAccept: boolean;
}

/** Nothing to change: serve the original bytes. */
export interface OriginalPlan extends PlanCommon {
  readonly transforms: false;
}

export interface TransformPlan extends PlanCommon {
  readonly transforms: true;
  readonly rect: Rect | null;
  readonly resize: Resize;
  readonly crop: Crop;
  /** EXIF orientation 1–8 overriding the file's own; null honours the file's. */
  readonly orient: number | null;
  /** Degrees clockwise, 0 ≤ rot < 360. */
  readonly rot: number;
  readonly flip: { readonly h: boolean; readonly v: boolean };
  /** Null unless fit is fill or fillmax. */
  readonly fill: Fill | null;
  readonly bg: Color | null;
  readonly pad: Sides;
  readonly border: Border | null;
  readonly mask: Mask | null;
  readonly blur: number;
  readonly sharp: number;
  /** Null when no colour or detail parameter is given (then it is not part of `cacheKey`). */
  readonly adjust: Adjust | null;
  /** Null without `trim` (then it is not part of `cacheKey`). */
  readonly trim: Trim | null;
  /**
   * `frame` (animations) or `page` (multi-page TIFF), 1-based: that one page as a still. Null renders as
   * before (animations stay animated); not part of `cacheKey` when null.
   */
  readonly frame: number | null;
  /** Null without loop, fps, reverse or skip (then it is not part of `cacheKey`). */
  readonly animation: Animation | null;
  /** Null without `txt` (then it is not part of `cacheKey`). */
  readonly text: TextOverlay | null;
  /** Null without `mark` (then it is not part of `cacheKey`). */
  readonly mark: Watermark | null;
  /** The media's stored edit, set on delivery (never by the parser); null without one (then not part of `cacheKey`). */
  readonly edit: StoredEdit | null;
  readonly output: Output;
  /** Canonical string of everything above that shapes the bytes (not `download`, not `ignored`). */
  readonly cacheKey: string;
}

export type ImagePlan = OriginalPlan | TransformPlan;

/** The transform part of a plan: what `cacheKey` is computed from. */
export type TransformOps = Omit<TransformPlan, keyof PlanCommon | 'transforms' | 'cacheKey'>;
