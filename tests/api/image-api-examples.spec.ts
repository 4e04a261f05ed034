import { expect, test, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { noise } from '../support/images';
import { pathOf, uniqueName, uploadViaApi, type MediaRecord } from '../support/media';

// The documented examples of imgix's text and watermark parameter pages, which microCMS's Image API pages send
// their readers to, rewritten to Kura media: each answers 200 with an image sharp decodes. Where a page shows a
// URL its query is taken as it stands; where it shows captions ("txt-bg=263E65 with txt-pad=20"), the
// parameters of the caption are put on a title. Parameters Kura does not implement are named in
// Kura-Ignored-Params; none of these is refused.

const IMGIX = 'https://assets.imgix.net';
const TITLE = 'txt=Kura+caption&txt-size=40&txt-color=fff';
const LONG_TITLE = 'txt=The+quick+brown+fox+jumps+over+the+lazy+dog&txt-size=48&txt-color=fff';

/** imgix's pages, each with the queries of its examples (watermark URLs as imgix writes them). */
const PAGES: Readonly<Record<string, readonly string[]>> = {
  'https://docs.imgix.com/apis/rendering/text/txt': [
    'txt=Hello%20World!',
    'txt=HELLO%20WORLD!&txt-size=62&txt-color=ff2e4357&txt-align=middle,center&txt-font=Futura%20Condensed%20Medium',
    'txt=%E4%BD%A0%E5%A5%BD&txt-size=62&txt-color=ff2e4357&txt-align=middle,center' +
      '&txt-font=Futura%20Condensed%20Medium',
    'txt=%F0%9F%98%91%F0%9F%92%A9%E2%9D%A4%EF%B8%8F%EF%B8%8F&txt-size=62&txt-color=ff2e4357&txt-align=middle,center' +
      '&txt-font=Futura%20Condensed%20Medium',
    'txt64=SGVsbG8gV29ybGQh',
    'txt64=SEVMTE8gV09STEQh&txt-size=62&txt-color=ff2e4357&txt-align=middle,center' +
      '&txt-font64=RnV0dXJhIENvbmRlbnNlZCBNZWRpdW0',
    'txt64=5L2g5aW9&txt-size=62&txt-color=ff2e4357&txt-align=middle,center&txt-font64=RnV0dXJhIENvbmRlbnNlZCBNZWRpdW0',
    'txt64=8J-YkfCfkqninaTvuI_vuI8&txt-size=62&txt-color=ff2e4357&txt-align=middle,center' +
      '&txt-font64=RnV0dXJhIENvbmRlbnNlZCBNZWRpdW0',
  ],
  'https://docs.imgix.com/apis/url/text/txtalign': [
    ...['top', 'middle', 'bottom', 'left', 'center', 'right', 'bottom,right', 'top,left', 'middle,center'].map(
      (align) => `${TITLE}&txt-align=${align}`,
    ),
  ],
  'https://docs.imgix.com/apis/url/text/txtclip': [
    ...['start', 'middle', 'end', 'ellipsis', 'start,ellipsis', 'middle,ellipsis', 'end,ellipsis'].map(
      (clip) => `${LONG_TITLE}&txt-width=300&txt-clip=${clip}`,
    ),
  ],
  'https://docs.imgix.com/apis/url/text/txt-fit': [`${LONG_TITLE}&txt-fit=max&txt-pad=40`],
  'https://docs.imgix.com/apis/rendering/text/txt-width': [`${LONG_TITLE}&txt-width=250`],
  'https://docs.imgix.com/apis/url/text/txt-font': [
    ...['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'sans-serif,bold,italic'].map(
      (font) => `${TITLE}&txt-font=${font}`,
    ),
  ],
  'https://docs.imgix.com/apis/url/text/txtline': [`${TITLE}&txt-line=2`],
  'https://docs.imgix.com/ja-JP/apis/rendering/text/text-outline-color': [
    ...['red', 'f00', '8f00', 'ff0000', '80ff0000'].map((color) => `${TITLE}&txt-line=3&txt-line-color=${color}`),
  ],
  'https://docs.imgix.com/apis/rendering/text/text-background-color': [
    TITLE, // "No background box"
    `${TITLE}&txt-bg=263E65&txt-pad=20`,
    `${TITLE}&txt-bg=263E65`, // "txt-bg with no txt-pad hugs the text"
    `${TITLE}&txt-bg=263E65&txt-pad=32`,
    `${TITLE}&txt-bg=80000000`,
  ],
  'https://docs.imgix.com/apis/rendering/text/text-shadow-blur': [
    `${TITLE}&txt-shad=4`,
    `${TITLE}&txt-shad=4&txt-shad-blur=0`,
    `${TITLE}&txt-shad=6&txt-shad-blur=4`,
    `${TITLE}&txt-shad=10&txt-shad-blur=4`,
  ],
  'https://docs.imgix.com/apis/rendering/text/text-height': [
    `${LONG_TITLE}&txt-fit=wrap`,
    `${LONG_TITLE}&txt-fit=wrap&txt-h=100`,
    `${LONG_TITLE}&txt-fit=wrapmax&txt-h=0.25`,
    `${LONG_TITLE}&txt-fit=max&txt-h=60`,
  ],
  'https://docs.imgix.com/apis/rendering/text/text-rotation': [
    TITLE,
    `${TITLE}&txt-rotate=30`,
    `${TITLE}&txt-rotate=345`,
    `${TITLE}&txt-rotate=90`,
  ],
  'https://docs.imgix.com/apis/rendering/text/text-gradient': [
    TITLE,
    `${TITLE}&txt-gradient=FF2200,0044FF`,
    `${TITLE}&txt-gradient=FF2200,FFCC00,00CC66,0044FF`,
    `${TITLE}&txt-gradient=FF2200,FFCC00,00CC66,0044FF&txt-gradient-angle=90`,
  ],
  'https://docs.imgix.com/apis/url/typesetting/txtlead': [`txt=Two%0Alines&txt-size=40&txt-lead=0`],
  'https://docs.imgix.com/apis/url/watermark/mark': [
    `mark=${IMGIX}/watermark.png`,
    `mark=${encodeURIComponent(`${IMGIX}/watermark.png?w=160`)}`,
  ],
  'https://docs.imgix.com/apis/url/watermark/markalign': [
    ...['top', 'middle', 'bottom', 'left', 'center', 'right', 'bottom,right', 'top,left', 'middle,center'].map(
      (align) => `mark=${IMGIX}/watermark.png&mark-align=${align}`,
    ),
  ],
  'https://docs.imgix.com/apis/url/watermark/markfit': [
    ...['clip', 'crop', 'max', 'scale'].map(
      (fit) => `mark=${IMGIX}/watermark.png&mark-w=200&mark-h=50&mark-fit=${fit}`,
    ),
  ],
  'https://docs.imgix.com/ja-JP/apis/rendering/watermark/watermark-height': [
    `mark=${IMGIX}/watermark.png&mark-h=40`,
    `mark=${IMGIX}/watermark.png&mark-h=0.5`,
    `mark=${IMGIX}/watermark.png&mark-h=2000`,
  ],
  'https://docs.imgix.com/apis/rendering/watermark/watermark-tile.en-US': [
    `mark=${IMGIX}/watermark.png&mark-tile=grid`,
  ],
  'https://docs.imgix.com/apis/url/watermark/marky': [
    `mark=${IMGIX}/watermark.png&mark-y=20`,
    `mark=${IMGIX}/watermark.png&mark-y=-10`,
  ],
  'https://docs.imgix.com/apis/video/watermark/mark-pad': [
    `mark=${encodeURIComponent(`${IMGIX}/watermark.png`)}&mark-align=bottom,right&mark-pad=20`,
  ],
  'https://docs.imgix.com/apis/video/watermark/mark-base': [`mark-base=${IMGIX}/watermarks/&mark=logo.png`],
  'https://docs.imgix.com/ja-JP/apis/rendering/watermark/watermark-fade-top': [
    `w=600&h=400&fit=crop&mark=${encodeURIComponent(`${IMGIX}/examples/bluehat.jpg`)}&mark-w=220` +
      '&mark-align=bottom,center',
    `w=600&h=400&fit=crop&mark=${encodeURIComponent(`${IMGIX}/examples/bluehat.jpg`)}&mark-w=220` +
      '&mark-align=bottom,center&mark-fade-top=0.3',
  ],
  'https://docs.imgix.com/ja-JP/apis/rendering/watermark/watermark-drop-shadow-x-position': [
    `w=600&h=400&fit=crop&blur=2000&sat=-100&bri=-35&mark=${encodeURIComponent(
      `${IMGIX}/examples/blue-pineapple-no-background.png`,
    )}&mark-w=300&mark-align=bottom,center&mark-y=20&mark-drop-shadow=6`,
  ],
};

let photo: MediaRecord;
let logo: MediaRecord;

test.beforeAll(async ({ request }) => {
  const upload = async (stem: string, ext: string, bytes: Buffer) => {
    const { res, body } = await uploadViaApi(request, uniqueName(stem, ext), bytes);
    expect(res.status(), body.message).toBe(201);
    return body;
  };
  photo = await upload('photo', 'jpg', await noise(1200, 800).jpeg().toBuffer());
  const mark = sharp({
    create: { width: 300, height: 120, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 0.8 } },
  });
  logo = await upload('logo', 'png', await mark.png().toBuffer());
});

/** The example with each imgix watermark URL (and mark-base) turned into this service's logo, its own query kept. */
function onKura(query: string): string {
  const params = new URLSearchParams(query);
  const base = params.get('mark-base');
  if (base !== null) {
    params.set('mark-base', logo.url.slice(0, logo.url.lastIndexOf('/') + 1));
    params.set('mark', logo.url.slice(logo.url.lastIndexOf('/') + 1));
  } else {
    const mark = params.get('mark');
    if (mark !== null) params.set('mark', logo.url + new URL(mark, `${IMGIX}/`).search);
  }
  return params.toString();
}

async function expectImage(request: APIRequestContext, query: string) {
  const res = await request.get(`${pathOf(photo.url)}?${query}`);
  expect(res.status(), `${query}: ${res.status()} ${res.status() === 200 ? '' : await res.text()}`).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^image\//);
  const meta = await sharp(await res.body()).metadata();
  expect(meta.width).toBeGreaterThan(0);
  return res.headers()['kura-ignored-params'];
}

for (const [page, examples] of Object.entries(PAGES)) {
  test.describe(page, () => {
    for (const example of examples) {
      test(decodeURIComponent(example), async ({ request }) => {
        await expectImage(request, onKura(example));
      });
    }
  });
}

test('parameters of those pages that Kura does not implement are named in Kura-Ignored-Params', async ({ request }) => {
  expect(await expectImage(request, `${TITLE}&txt-rotate=30`)).toBe('txt-rotate');
  expect(await expectImage(request, `${TITLE}&txt-shad=6&txt-shad-blur=4`)).toBe('txt-shad-blur');
  expect(await expectImage(request, `${TITLE}&txt-gradient=FF2200,0044FF`)).toBe('txt-gradient');
  expect(await expectImage(request, onKura(`mark=${IMGIX}/watermark.png&mark-fade-top=0.3`))).toBe('mark-fade-top');
  expect(await expectImage(request, `${TITLE}&txt-bg=263E65`)).toBeUndefined();
});
