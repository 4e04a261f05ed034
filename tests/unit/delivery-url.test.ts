import { describe, expect, it } from 'vitest';
import { editMediaElements, mediaUrlsIn } from '@/lib/content/rich-html-media';
import { matchDeliveryUrl } from '@/lib/media/delivery-url';

const ORIGIN = 'https://cms.example.com';
const SERVICE = 'svc123';
const ID = 'a'.repeat(32);
const match = (url: string) => matchDeliveryUrl(url, ORIGIN, SERVICE);

describe('matchDeliveryUrl', () => {
  it('reads the id and decoded name of this service’s delivery URL, with or without parameters', () => {
    expect(match(`${ORIGIN}/assets/${SERVICE}/${ID}/caf%C3%A9%20menu.pdf`)).toEqual({
      mediaId: ID,
      fileName: 'café menu.pdf',
    });
    expect(match(`${ORIGIN}/assets/${SERVICE}/${ID}/a.png?w=300&fm=webp`)).toEqual({ mediaId: ID, fileName: 'a.png' });
    expect(match(`/assets/${SERVICE}/${ID}/a.png`)).toEqual({ mediaId: ID, fileName: 'a.png' });
  });

  it(
    'recognises the service by its random id on any http(s) ' +
      'origin: an old public URL or a CDN in front still counts',
    () => {
      expect(match(`http://localhost:3000/assets/${SERVICE}/${ID}/a.png`)).toEqual({ mediaId: ID, fileName: 'a.png' });
      expect(match(`https://cdn.example.net/cms/assets/${SERVICE}/${ID}/a.png`)).toEqual({
        mediaId: ID,
        fileName: 'a.png',
      });
    },
  );

  it('refuses other services, other schemes, other paths and malformed ids', () => {
    expect(match(`https://evil.example.com/assets/other/${ID}/a.png`)).toBeNull();
    expect(match(`ftp://cms.example.com/assets/${SERVICE}/${ID}/a.png`)).toBeNull();
    expect(match(`${ORIGIN}/assets/other/${ID}/a.png`)).toBeNull();
    expect(match(`${ORIGIN}/assets/${SERVICE}/${'A'.repeat(32)}/a.png`)).toBeNull();
    expect(match(`${ORIGIN}/assets/${SERVICE}/${ID}`)).toBeNull();
    expect(match(`${ORIGIN}/assets/${SERVICE}/${ID}/a.png/more`)).toBeNull();
    expect(match(`${ORIGIN}/assets/${SERVICE}/${ID}/%E0%A4%A`)).toBeNull();
    expect(match('not a url at all ::')).toBeNull();
  });

  it('resolves root-relative URLs against the public URL', () => {
    expect(matchDeliveryUrl(`/cms/assets/${SERVICE}/${ID}/a.png`, `${ORIGIN}/cms`, SERVICE)).toEqual({
      mediaId: ID,
      fileName: 'a.png',
    });
  });
});

describe('media URLs in rich-editor HTML', () => {
  const url = (id: string, name = 'a.png') => `${ORIGIN}/assets/${SERVICE}/${id}/${name}`;
  const B = 'b'.repeat(32);
  const C = 'c'.repeat(32);

  it('finds media in src, href and srcset attributes, once each, and never in text', () => {
    const html =
      `<p>${url('d'.repeat(32))}</p><img src="${url(ID)}?w=10"><a href="${url(B, 'doc.pdf')}">doc</a><img ` +
      `srcset="${url(C)} 1x, ${url(ID)} 2x"><a href="https://elsewhere.example/x.png">x</a>`;
    expect(mediaUrlsIn(html, match).map((p) => p.mediaId)).toEqual([ID, B, C]);
  });

  it('keeps each file name of the same media, so a stale name beside the current one is not hidden', () => {
    expect(mediaUrlsIn(`<img src="${url(ID, 'new.png')}"><a href="${url(ID, 'old.png')}">x</a>`, match)).toEqual([
      { mediaId: ID, fileName: 'new.png' },
      { mediaId: ID, fileName: 'old.png' },
    ]);
  });

  it('decodes entities in attributes before matching', () => {
    expect(mediaUrlsIn(`<img src="${url(ID)}?w=1&amp;h=2">`, match)).toEqual([{ mediaId: ID, fileName: 'a.png' }]);
  });

  it('edits only elements that point at media and leaves other HTML as it was', () => {
    const untouched = '<p>Plain &amp; simple</p>';
    expect(editMediaElements(untouched, match, () => {})).toBe(untouched);
    const edited = editMediaElements(`<p>Ünïcode</p><img src="${url(ID)}">`, match, (el) => {
      el.attribs.alt = 'A "quoted" alt';
      el.attribs.width = '10';
    });
    expect(edited).toBe(`<p>Ünïcode</p><img src="${url(ID)}" alt="A &quot;quoted&quot; alt" width="10">`);
  });
});
