import sanitizeHtml, { type IOptions, type Transformer } from 'sanitize-html';

/** Longest rich-editor HTML accepted, in characters. */
export const RICH_HTML_MAX_LENGTH = 1_000_000;

const POSITIVE_INTEGER = /^[1-9][0-9]*$/;

const keepPositiveSizes: Transformer = (tagName, attribs) => {
  const kept = { ...attribs };
  for (const a of ['width', 'height'])
    if (kept[a] !== undefined && !POSITIVE_INTEGER.test(kept[a].trim())) delete kept[a];
  return { tagName, attribs: kept };
};

const guardNewWindow: Transformer = (tagName, attribs) => {
  const kept = { ...attribs };
  if (kept.target?.trim().toLowerCase() !== '_blank') {
    delete kept.target;
    return { tagName, attribs: kept };
  }
  // A page opened with target=_blank can reach back through window.opener and navigate this one.
  const rel = new Set((kept.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean)).add('noopener').add('noreferrer');
  // Assigning keeps each attribute where it was, so sanitizing twice gives the same string.
  kept.target = '_blank';
  kept.rel = [...rel].join(' ');
  return { tagName, attribs: kept };
};

const OPTIONS: IOptions = {
  allowedTags: [
    'p',
    'br',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'code',
    'pre',
    'blockquote',
    // Exactly what the editor (Tiptap StarterKit + Image) can hold, so editing never drops markup silently.
    'ul',
    'ol',
    'li',
    'hr',
    'a',
    'img',
  ],
  allowedAttributes: { a: ['href', 'title', 'target', 'rel'], img: ['src', 'alt', 'width', 'height', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'template',
    'title',
    'svg',
    'math',
  ],
  transformTags: { img: keepPositiveSizes, a: guardNewWindow },
};

/**
 * The rich-editor HTML with only the markup the editor produces left: no scripts, handlers, styles or
 * unsafe URLs. Void elements come out as `<img …>`, like the editor writes them, so saving is stable.
 * @example sanitizeRichHtml('<p onclick="x()">Hi<script>x()</script></p>') // '<p>Hi</p>'
 */
export function sanitizeRichHtml(html: string): string {
  // sanitize-html escapes every ">" in text and attribute values, so " />" can only end a void tag.
  return sanitizeHtml(html, OPTIONS).replaceAll(' />', '>');
}
