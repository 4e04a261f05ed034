import render from 'dom-serializer';
import type { Element } from 'domhandler';
import { findAll } from 'domutils';
import { parseDocument } from 'htmlparser2';
import type { DeliveryUrlParts, MatchUrl } from '@/lib/media/delivery-url';

const URL_ATTRIBUTES = ['src', 'href', 'poster'] as const;

function urlsOf(el: Element): string[] {
  const urls = URL_ATTRIBUTES.flatMap((a) => (el.attribs[a] ? [el.attribs[a]] : []));
  // srcset: "url 1x, url 2x" — the URL is each candidate's first word.
  if (el.attribs.srcset)
    urls.push(
      ...el.attribs.srcset
        .split(',')
        .map((c) => c.trim().split(/\s+/)[0])
        .filter(Boolean),
    );
  return urls;
}

const parse = (html: string) => parseDocument(html, { decodeEntities: true });

/** Every URL in this HTML's URL attributes (to look them up at once: `deliveryUrlMatcher`). */
export const urlsIn = (html: string): string[] => findAll(() => true, parse(html).children).flatMap(urlsOf);

/**
 * Every media this HTML points at through one of this service's delivery URLs (a real HTML parse,
 * attributes only): each distinct media id and file name once, so a stale name is never hidden.
 */
export function mediaUrlsIn(html: string, match: MatchUrl): DeliveryUrlParts[] {
  const found = new Map<string, DeliveryUrlParts>();
  for (const el of findAll(() => true, parse(html).children)) {
    for (const url of urlsOf(el)) {
      const parts = match(url);
      if (parts) found.set(`${parts.mediaId}/${parts.fileName}`, parts);
    }
  }
  return [...found.values()];
}

/**
 * The HTML with every element that points at media handed to `edit` (which changes its attributes in
 * place), serialised again. Untouched HTML comes back unchanged.
 */
export function editMediaElements(
  html: string,
  match: MatchUrl,
  edit: (el: Element, parts: DeliveryUrlParts) => void,
): string {
  const doc = parse(html);
  let touched = false;
  for (const el of findAll(() => true, doc.children)) {
    for (const url of urlsOf(el)) {
      const parts = match(url);
      if (!parts) continue;
      edit(el, parts);
      touched = true;
      break;
    }
  }
  return touched ? render(doc, { encodeEntities: 'utf8', decodeEntities: true, emptyAttrs: true }) : html;
}

/**
 * The HTML with every URL attribute that points at media passed through `rewrite` (null keeps it).
 * Untouched HTML comes back unchanged, byte for byte.
 */
export function rewriteMediaUrls(
  html: string,
  match: MatchUrl,
  rewrite: (url: string, parts: DeliveryUrlParts) => string | null,
): string {
  const doc = parse(html);
  let touched = false;
  const next = (url: string) => {
    const parts = match(url);
    const replaced = parts && rewrite(url, parts);
    if (replaced === null || replaced === undefined || replaced === url) return url;
    touched = true;
    return replaced;
  };
  for (const el of findAll(() => true, doc.children)) {
    for (const a of URL_ATTRIBUTES) if (el.attribs[a]) el.attribs[a] = next(el.attribs[a]);
    if (el.attribs.srcset) {
      el.attribs.srcset = el.attribs.srcset
        .split(',')
        .map((candidate) => {
          const [url, ...descriptor] = candidate.trim().split(/\s+/);
          return [next(url), ...descriptor].join(' ');
        })
        .join(', ');
    }
  }
  return touched ? render(doc, { encodeEntities: 'utf8', decodeEntities: true, emptyAttrs: true }) : html;
}
