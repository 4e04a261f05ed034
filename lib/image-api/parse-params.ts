// Design notes: docs/image-api.md (parameters, what is ignored and why).
import { cacheKeyOf } from './cache-key';
import { negotiateFormat } from './negotiate-format';
import { ADJUST_ALIASES, ADJUST_PARAMS, readAdjust, readAnimation, readFrame, readTrim } from './parse-adjust';
import { MARK_ALIASES, MARK_PARAMS, readMark } from './parse-mark';
import { TEXT_ALIASES, TEXT_PARAMS, readText } from './parse-text';
import {
  MAX_SIDE,
  decodeBase64Param,
  parseAspectRatio,
  parseBoolean,
  parseBorder,
  parseColor,
  parseCropTokens,
  parseDimension,
  parseDpr,
  parseFit,
  parseFormat,
  parseKeyword,
  parseList,
  numberIn,
  parseOrient,
  parseRadii,
  parseRect,
  parseRotation,
  type CropToken,
} from './param-values';
import type { Color, Crop, Fill, ImagePlan, OutputFormat, TransformOps, TransformPlan } from './plan';

/** The Image API's parameters under their imgix names: the first tier, then parse-adjust.ts's. */
const PARAMS = [
  'w',
  'h',
  'fit',
  'crop',
  'fp-x',
  'fp-y',
  'fp-z',
  'max-w',
  'max-h',
  'min-w',
  'min-h',
  'ar',
  'rect',
  'dpr',
  'q',
  'fm',
  'auto',
  'fill',
  'fill-color',
  'bg',
  'pad',
  'pad-top',
  'pad-right',
  'pad-bottom',
  'pad-left',
  'border',
  'mask',
  'corner-radius',
  'flip',
  'rot',
  'orient',
  'blur',
  'sharp',
  'lossless',
  'dl',
  ...ADJUST_PARAMS,
  ...TEXT_PARAMS,
  ...MARK_PARAMS,
] as const;
type Param = (typeof PARAMS)[number];

/** imgix's own aliases for those parameters (it documents none for fm or q). */
const ALIASES: Readonly<Record<string, Param>> = {
  width: 'w',
  height: 'h',
  f: 'fit',
  'max-width': 'max-w',
  'max-height': 'max-h',
  'min-width': 'min-w',
  'min-height': 'min-h',
  fillcolor: 'fill-color',
  or: 'orient',
  ...ADJUST_ALIASES,
  ...TEXT_ALIASES,
  ...MARK_ALIASES,
};

/**
 * Kura's own: `v`, the version tag (it busts CDN caches and means nothing to the image), and `raw=1`, the
 * untouched original without the media's stored edit (read by delivery, docs/image-api.md "Stored edits").
 */
const OWN_PARAMS: ReadonlySet<string> = new Set(['v', 'raw']);

const paramOf = (key: string): Param | undefined => {
  if ((PARAMS as readonly string[]).includes(key)) return key as Param;
  return Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
};

interface Query {
  /** The last non-empty value of each parameter, with the key the URL spelled it with. */
  readonly values: ReadonlyMap<Param, { readonly key: string; readonly value: string }>;
  /** auto is the one imgix parameter that accumulates (`auto=format&auto=compress`). */
  readonly auto: readonly string[];
  readonly unknown: readonly string[];
}

function readQuery(search: URLSearchParams): Query {
  const values = new Map<Param, { key: string; value: string }>();
  const auto: string[] = [];
  const unknown: string[] = [];
  for (const [key, raw] of search) {
    if (OWN_PARAMS.has(key)) continue;
    let param = paramOf(key);
    let value = raw;
    if (param === undefined && key.endsWith('64')) {
      // imgix accepts any value but auto's Base64-encoded under `name64`.
      const base = paramOf(key.slice(0, -2));
      if (base !== undefined && base !== 'auto') [param, value] = [base, decodeBase64Param(key, raw)];
    }
    if (param === undefined) unknown.push(key);
    else if (param === 'auto') auto.push(...parseList(value));
    else if (value.trim() !== '' || param === 'dl') values.set(param, { key, value }); // empty = absent, as in imgix
  }
  return { values, auto, unknown };
}

/** Formats without a quality knob: a q there would only split the cache. */
const NO_QUALITY: ReadonlySet<OutputFormat> = new Set(['png', 'png8', 'gif', 'json', 'blurhash']);

export interface ImageParamsOptions {
  /** The request's Accept header, for auto=format. */
  accept?: string | null;
  /** Overrides AUTO_FORMAT_AVIF. */
  avif?: boolean;
}

function buildOps(query: Query, opts: ImageParamsOptions) {
  const read = <T>(param: Param, parse: (key: string, value: string) => T): T | null => {
    const given = query.values.get(param);
    return given === undefined ? null : parse(given.key, given.value);
  };

  const w = read('w', parseDimension);
  const h = read('h', parseDimension);
  const fitGiven = read('fit', parseFit);
  const fit = fitGiven?.fit ?? 'clip';
  const dpr = read('dpr', parseDpr);
  const ar = read('ar', parseAspectRatio);
  const bound = numberIn(1, MAX_SIDE);
  const [minW, minH, maxW, maxH] = (['min-w', 'min-h', 'max-w', 'max-h'] as const).map((p) => read(p, bound));

  const cropTokens = read('crop', parseCropTokens);
  const focal = {
    x: read('fp-x', numberIn(0, 1, 4)) ?? 0.5,
    y: read('fp-y', numberIn(0, 1, 4)) ?? 0.5,
    z: read('fp-z', numberIn(1, 100, 4)) ?? 1,
  };

  const fillMode = read('fill', (key, value) =>
    parseKeyword(key, value, ['solid', 'blur', 'gen', 'generative', 'gradient']) === 'blur' ? 'blur' : 'solid',
  );
  const fillColor = read('fill-color', parseColor);

  const pixels = numberIn(0, MAX_SIDE);
  const pad = read('pad', pixels) ?? 0;
  const side = (param: 'pad-top' | 'pad-right' | 'pad-bottom' | 'pad-left') => read(param, pixels) ?? pad;

  const mask = read('mask', (key, value) => parseKeyword(key, value, ['corners', 'ellipse']));
  const radius = read('corner-radius', parseRadii);
  const flip = read('flip', (key, value) => parseKeyword(key, value, ['h', 'v', 'hv']));

  const autoFormat = query.auto.includes('format');
  const compress = query.auto.includes('compress');
  const { format, animatedFallback, varyAccept } = negotiateFormat({
    fm: read('fm', parseFormat),
    autoFormat,
    accept: opts.accept ?? undefined,
    avif: opts.avif,
  });
  const q = read('q', numberIn(1, 100));
  const text = readText(read);

  const ops: TransformOps = {
    rect: read('rect', parseRect),
    resize: {
      w,
      h,
      fit,
      dpr: w !== null || h !== null ? (dpr ?? 1) : 1,
      ar: fit === 'crop' || fit === 'fill' ? ar : null,
      min: fit === 'crop' ? { w: minW ?? null, h: minH ?? null } : { w: null, h: null },
      max: fit === 'crop' ? { w: maxW ?? null, h: maxH ?? null } : { w: null, h: null },
    },
    crop: fit === 'crop' ? cropOf(cropTokens, fitGiven?.facearea ?? false, focal) : CENTER,
    orient: read('orient', parseOrient),
    rot: read('rot', parseRotation) ?? 0,
    flip: { h: flip?.includes('h') ?? false, v: flip?.includes('v') ?? false },
    fill: fit === 'fill' || fit === 'fillmax' ? fillOf(fillMode, fillColor) : null,
    bg: read('bg', parseColor),
    pad: { top: side('pad-top'), right: side('pad-right'), bottom: side('pad-bottom'), left: side('pad-left') },
    border: read('border', parseBorder),
    mask: mask === 'corners' ? { kind: 'corners', radius } : mask === 'ellipse' ? { kind: 'ellipse' } : null,
    blur: read('blur', numberIn(0, 2000)) ?? 0,
    sharp: read('sharp', numberIn(0, 100, 2)) ?? 0,
    adjust: readAdjust(read),
    trim: readTrim(read),
    frame: readFrame(read),
    animation: readAnimation(read),
    text: text.text,
    mark: readMark(read),
    edit: null,
    output: {
      format,
      animatedFallback,
      quality: NO_QUALITY.has(format) ? null : (q ?? (compress ? 45 : 75)),
      lossless: read('lossless', parseBoolean) ?? false,
      compress,
    },
  };
  const unusedAuto = query.auto.filter((token) => token !== 'format' && token !== 'compress');
  const download = read('dl', (_, value) => ({ fileName: value.trim() === '' ? null : value }));
  // txt-font names a font Kura does not have: the nearest generic family stands in; txt-fit=wrapmax is drawn as wrap.
  const keyOf = (param: Param) => [query.values.get(param)?.key ?? []].flat();
  const approximated = [
    ...(text.approximated.font ? keyOf('txt-font') : []),
    ...(text.approximated.fit ? keyOf('txt-fit') : []),
  ];
  const ignored = [...query.unknown, ...unusedAuto.map((token) => `auto=${token}`), ...approximated];
  return { ops, varyAccept, download, ignored };
}

const fillOf = (mode: 'solid' | 'blur' | null, color: Color | null): Fill =>
  mode === 'blur' ? { mode: 'blur' } : { mode: 'solid', color };

const CENTER: Crop = { mode: 'position', x: 'center', y: 'center' };

/** imgix's crop precedence, with face detection standing in as sharp's attention strategy. */
function cropOf(
  tokens: ReadonlySet<CropToken> | null,
  facearea: boolean,
  focal: { x: number; y: number; z: number },
): Crop {
  if (tokens === null) return facearea ? { mode: 'attention' } : CENTER;
  if (tokens.has('faces')) return { mode: 'attention' };
  if (tokens.has('focalpoint')) return { mode: 'focalpoint', ...focal };
  if (tokens.has('entropy')) return { mode: 'entropy' };
  if (tokens.has('edges')) return { mode: 'edges' };
  return {
    mode: 'position',
    x: tokens.has('left') ? 'left' : tokens.has('right') ? 'right' : 'center',
    y: tokens.has('top') ? 'top' : tokens.has('bottom') ? 'bottom' : 'center',
  };
}

/** The key of a URL without parameters: a plan equal to it changes nothing. */
const IDENTITY_KEY = cacheKeyOf(buildOps(readQuery(new URLSearchParams()), {}).ops);

/**
 * An imgix-style query as a validated, normalised plan. Throws a 400 KuraError naming the
 * parameter for a malformed value; clamps out-of-range numbers; lists unknown parameters.
 * @example parseImageParams(new URLSearchParams('w=0.5&txt=hi')) // transforms, w: half the source, ignored: ['txt']
 * @example parseImageParams(new URLSearchParams('dl=a.jpg&rot=0')) // transforms: false: rot=0 changes nothing
 */
export function parseImageParams(search: URLSearchParams, opts: ImageParamsOptions = {}): ImagePlan {
  const { ops, varyAccept, download, ignored } = buildOps(readQuery(search), opts);
  const common = { download, varyAccept, ignored: [...new Set(ignored)].sort() };
  const cacheKey = cacheKeyOf(ops);
  if (cacheKey === IDENTITY_KEY) return { transforms: false, ...common };
  return { transforms: true, ...ops, ...common, cacheKey };
}

/** Whether a query names fit=crop's cut itself (crop, fp-x, fp-y, fp-z, fit=facearea): a stored focal point waits. */
export function namesCrop(search: URLSearchParams): boolean {
  const { values } = readQuery(search);
  const fit = values.get('fit')?.value.trim().toLowerCase() ?? '';
  return ['crop', 'fp-x', 'fp-y', 'fp-z'].some((p) => values.has(p as Param)) || fit.startsWith('facearea');
}

/**
 * The plan with its watermark's content hash (`mark.source`) in the plan and in `cacheKey`: set on delivery, once
 * the mark URL is found to be one of this service's media, so that re-uploading the watermark changes the variant.
 */
export function withMarkSource(plan: TransformPlan, source: string): TransformPlan {
  if (plan.mark === null) return plan;
  const { transforms, download, ignored, varyAccept, cacheKey: _, ...ops } = plan;
  const marked: TransformOps = { ...ops, mark: { ...plan.mark, source } };
  return { transforms, download, ignored, varyAccept, ...marked, cacheKey: cacheKeyOf(marked) };
}
