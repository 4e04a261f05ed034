import type { OutputFormat } from './plan';

/**
 * Whether auto=format may answer AVIF. Measured (bench/RESULTS.md, image-api (e)): at effort 0 with
 * its quality mapped to WebP's scale (render.ts `autoAvifQuality`), AVIF costs about what WebP costs
 * and is 24 % smaller at the same PSNR, so browsers that accept it get it. Switch off here if
 * real photos (the bench's is synthetic) disagree.
 */
export const AUTO_FORMAT_AVIF = true;

/** Whether Accept names `type` itself with a non-zero q; wildcards promise nothing. */
export function acceptsType(accept: string, type: string): boolean {
  return accept.split(',').some((range) => {
    const [mediaType = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    if (mediaType !== type) return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * The output format: `fm` wins; otherwise auto=format picks AVIF, then WebP, from Accept,
 * else the source's own format. AVIF cannot animate, so with it comes the format an animated
 * source keeps its frames in: WebP if Accept names it, else the source's.
 * @example negotiateFormat({ fm: null, autoFormat: true, accept: 'image/webp' }) // webp, varyAccept
 */
export function negotiateFormat(input: {
  fm: OutputFormat | null;
  autoFormat: boolean;
  accept?: string;
  avif?: boolean;
}): { format: OutputFormat; animatedFallback: 'webp' | 'source' | null; varyAccept: boolean } {
  if (input.fm !== null) return { format: input.fm, animatedFallback: null, varyAccept: false };
  if (!input.autoFormat) return { format: 'source', animatedFallback: null, varyAccept: false };
  const accept = input.accept ?? '';
  const avif = input.avif ?? AUTO_FORMAT_AVIF;
  const webp = acceptsType(accept, 'image/webp');
  if (avif && acceptsType(accept, 'image/avif'))
    return { format: 'avif', animatedFallback: webp ? 'webp' : 'source', varyAccept: true };
  return { format: webp ? 'webp' : 'source', animatedFallback: null, varyAccept: true };
}
