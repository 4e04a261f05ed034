import { parseImageParams, withMarkSource } from './parse-params';
import type { TransformPlan } from './plan';

/** The library's thumbnail: a 320 px WebP through the variant cache, never the original. */
export const THUMBNAIL_QUERY = 'w=320&h=320&fit=max&fm=webp&q=70';

/** The detail panel's "Image API preview" presets, side by side. */
export const PREVIEW_PRESETS = [
  'w=300',
  'fit=crop&w=200&h=200',
  'fm=webp',
  'auto=format',
  'blur=200',
  'mask=ellipse&w=200&h=200&fit=crop',
  // An Open Graph image: 1200×630 with a title over the photo.
  'w=1200&h=630&fit=crop&txt=Open+Graph+title&txt-size=72&txt-color=fff&txt-font=sans-serif,bold' +
    '&txt-align=bottom,left&txt-pad=60&txt-shad=4',
];

/** The panel's watermark preset: the image over itself at a quarter of its width, half transparent, bottom right. */
export const watermarkPreset = (selfPath: string) =>
  `w=600&mark=${encodeURIComponent(selfPath)}&mark-scale=25&mark-alpha=50&mark-pad=16`;

/** The panel's image editor: the untouched original (`raw=1`, without the stored edit), scaled to draw on. */
export const EDITOR_QUERY = 'raw=1&w=800&h=800&fit=max&fm=webp&q=80';

/** What the panel's "Try parameters" field shows until the member types something else. */
export const PREVIEW_DEFAULT_TRY = 'w=400&fm=webp';

/** Widths of the panel's responsive `<img srcset>` snippet (each `auto=format&w=…`). */
export const SNIPPET_WIDTHS = [320, 640, 960, 1280];
export const snippetQuery = (w: number) => `auto=format&w=${w}`;

// auto=format gives one key per negotiated format: every Accept a browser sends lands on one of these.
const ACCEPTS = [undefined, 'image/webp', 'image/avif,image/webp'];

const OWN_KEYS: ReadonlySet<string> = new Set(
  [THUMBNAIL_QUERY, EDITOR_QUERY, ...PREVIEW_PRESETS, PREVIEW_DEFAULT_TRY, ...SNIPPET_WIDTHS.map(snippetQuery)].flatMap(
    (query) =>
      ACCEPTS.flatMap((accept) => {
        const plan = parseImageParams(new URLSearchParams(query), { accept });
        return plan.transforms ? [plan.cacheKey] : [];
      }),
  ),
);

/**
 * Whether a variant is one Kura itself shows (thumbnails, the panel's presets and snippet): those
 * never count against KURA_MAX_VARIANTS_PER_MEDIA, so the library keeps working on any image.
 */
export const isOwnTransform = (cacheKey: string) => OWN_KEYS.has(cacheKey);

/** Whether a plan is the watermark preset of the media at `selfPath` (content hash `sha256`): also Kura's own. */
export function isOwnWatermarkPreset(plan: TransformPlan, selfPath: string, sha256: string): boolean {
  if (plan.mark?.source !== sha256) return false;
  const preset = parseImageParams(new URLSearchParams(watermarkPreset(selfPath)));
  return preset.transforms && withMarkSource(preset, sha256).cacheKey === plan.cacheKey;
}
