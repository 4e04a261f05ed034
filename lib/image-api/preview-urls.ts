import 'server-only';
import { config } from '@/lib/config';
import {
  EDITOR_QUERY,
  PREVIEW_DEFAULT_TRY,
  PREVIEW_PRESETS,
  SNIPPET_WIDTHS,
  snippetQuery,
  watermarkPreset,
} from './own-transforms';
import { signUrl } from './signature';

export interface PreviewUrl {
  /** The parameters as shown to the member. */
  readonly params: string;
  readonly url: string;
}

export interface PreviewUrls {
  readonly presets: readonly PreviewUrl[];
  readonly tried: PreviewUrl;
  /** The responsive snippet's `src` and `srcset`. */
  readonly snippet: { readonly src: string; readonly srcset: string };
  /** The image editor's picture: the original without its stored edit (`raw=1`). */
  readonly editor: string;
}

/**
 * The URLs of the detail panel's "Image API preview", signed here when KURA_IMAGE_SIGNING_TOKEN is
 * set (the token never reaches the browser). `tried` is what the member typed into "Try parameters";
 * it is re-encoded once, so the URL the browser asks for is exactly the URL that was signed.
 * @example previewUrls('https://kura.example/assets/s/id/a.png?v=1', 'w=123').tried.url // '…?v=1&w=123' (+ '&s=…' when
 * signing)
 */
export function previewUrls(versionedUrl: string, tried: string | null): PreviewUrls {
  const token = config().KURA_IMAGE_SIGNING_TOKEN;
  const url = (params: string) => {
    const plain = `${versionedUrl}&${params}`;
    return token ? signUrl(plain, token) : plain;
  };
  const typed = (tried ?? PREVIEW_DEFAULT_TRY).replace(/^[?&]+/, '');
  const srcset = SNIPPET_WIDTHS.map((w) => `${url(snippetQuery(w))} ${w}w`).join(', ');
  return {
    presets: [...PREVIEW_PRESETS, watermarkPreset(new URL(versionedUrl).pathname)].map((params) => ({
      params,
      url: url(params),
    })),
    tried: { params: typed, url: url(new URLSearchParams(typed).toString()) },
    snippet: { src: url(snippetQuery(640)), srcset },
    editor: url(EDITOR_QUERY),
  };
}
