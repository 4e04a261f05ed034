import type { OutputFormat } from './plan';

/**
 * Whether auto=format may answer AVIF. AVIF is the slow encoder (about 0.9 s at effort 2 and 7 s
 * at effort 4 for a 1200 px output): if measurements show cold AVIF variants cost more than
 * their smaller bytes save, switch this off and auto=format answers WebP instead.
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
 * else the source's own format.
 * @example negotiateFormat({ fm: null, autoFormat: true, accept: 'image/webp' }) // webp, varyAccept
 */
export function negotiateFormat(input: {
  fm: OutputFormat | null;
  autoFormat: boolean;
  accept?: string;
  avif?: boolean;
}): { format: OutputFormat; varyAccept: boolean } {
  if (input.fm !== null) return { format: input.fm, varyAccept: false };
  if (!input.autoFormat) return { format: 'source', varyAccept: false };
  const accept = input.accept ?? '';
  const avif = input.avif ?? AUTO_FORMAT_AVIF;
  if (avif && acceptsType(accept, 'image/avif')) return { format: 'avif', varyAccept: true };
  if (acceptsType(accept, 'image/webp')) return { format: 'webp', varyAccept: true };
  return { format: 'source', varyAccept: true };
}
