import { expect, test, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { animatedGif, colourAt, grid, metadataOf, noise, pixelAt, type ColourName } from '../support/images';
import { keyHeader, pathOf, png, uniqueName, uploadViaApi, type MediaRecord } from '../support/media';

// Every case goes over HTTP to the real server: delivery URL + query in, bytes decoded with sharp out.

/** 300×300, cells of 100 px: which cells a crop shows tells where it came from. */
const GRID: ColourName[][] = [
  ['red', 'lime', 'blue'],
  ['yellow', 'grey', 'cyan'],
  ['magenta', 'white', 'black'],
];

async function upload(request: APIRequestContext, stem: string, ext: string, bytes: Buffer): Promise<MediaRecord> {
  const { res, body } = await uploadViaApi(request, uniqueName(stem, ext), bytes);
  expect(res.status(), body.message).toBe(201);
  return body;
}

/** GET a media's delivery URL with a query; it must answer 200. */
async function fetchVariant(
  request: APIRequestContext,
  m: MediaRecord,
  query: string,
  headers: Record<string, string> = {},
) {
  const res = await request.get(`${pathOf(m.url)}?${query}`, { headers });
  expect(res.status(), `${query}: ${res.status()}`).toBe(200);
  const body = await res.body();
  return { headers: res.headers(), body, meta: () => metadataOf(body) };
}

async function sizeOf(request: APIRequestContext, m: MediaRecord, query: string) {
  const { width, height } = await (await fetchVariant(request, m, query)).meta();
  return [width, height];
}

/** The three cell colours along the output's longer side (across when square), read at the thirds' centres. */
async function stripOf(body: Buffer): Promise<ColourName[]> {
  const { width, height } = await metadataOf(body);
  const across = width >= height;
  const long = across ? width : height;
  const thirds = [1, 3, 5].map((k) => Math.floor((long * k) / 6));
  return Promise.all(
    thirds.map((t) => (across ? colourAt(body, t, Math.floor(height / 2)) : colourAt(body, Math.floor(width / 2), t))),
  );
}

let photo: MediaRecord; // 400×300, one colour
let cells: MediaRecord; // GRID
let cellBytes: Buffer;

test.beforeAll(async ({ request }) => {
  cellBytes = await grid(100, GRID);
  photo = await upload(request, 'photo', 'png', await png(400, 300));
  cells = await upload(request, 'grid', 'png', cellBytes);
});

test.describe('sizes on a 400×300 source', () => {
  const SIZES: Record<string, [query: string, width: number, height: number][]> = {
    fit: [
      ['w=100&h=100', 100, 75], // clip is the default
      ['fit=clip&w=100&h=100', 100, 75],
      ['fit=clip&w=800&h=800', 800, 600], // clip enlarges
      ['fit=clip&w=800', 800, 600],
      ['fit=max&w=100&h=100', 100, 75],
      ['fit=max&w=800&h=800', 400, 300], // max never enlarges
      ['fit=max&w=800', 400, 300],
      ['fit=min&w=100&h=100', 100, 100],
      ['fit=min&w=800&h=400', 400, 200], // the box's ratio, shrunk to fit the source
      ['fit=min&w=800', 400, 300],
      ['fit=crop&w=100&h=100', 100, 100],
      ['fit=crop&w=800&h=100', 800, 100],
      ['fit=crop&w=200', 200, 150],
      ['fit=scale&w=100&h=50', 100, 50],
      ['fit=scale&w=200', 200, 150],
      ['fit=fill&w=100&h=100', 100, 100],
      ['fit=fill&w=200', 200, 150],
      ['fit=fillmax&w=800&h=800', 800, 800], // the canvas is the box even though the image is not enlarged
      ['fit=fillmax&w=800', 400, 300],
      ['fit=clamp&w=100&h=100', 100, 100],
      ['fit=facearea&w=100&h=100', 100, 100],
    ],
    'fractions and dpr': [
      ['w=0.5', 200, 150],
      ['h=0.25', 100, 75],
      ['w=100&dpr=2', 200, 150],
      ['w=100&dpr=9', 800, 600], // dpr is clamped to 8
    ],
    'rect and ar': [
      ['rect=100,50,200,100', 200, 100],
      ['rect=0.5,0,0.5,0.5', 200, 150],
      ['rect=100,50,200,100&w=100', 100, 50], // rect first, then w
      ['fit=crop&w=300&ar=16:9', 300, 169],
      ['fit=crop&ar=1:1', 300, 300],
    ],
    bounds: [
      ['fit=crop&w=300&h=300&max-w=200', 200, 300],
      ['fit=crop&w=50&h=50&min-w=80', 80, 50],
      ['fit=crop&w=50&h=50&min-h=80', 50, 80],
      ['w=300&max-w=200', 300, 225], // only fit=crop reads the bounds
    ],
    effects: [
      ['w=100&pad=10', 120, 95],
      ['w=100&pad=10&pad-left=0', 110, 95],
      ['w=100&border=5,000000', 110, 85],
      ['w=100&pad=10&border=5,000000', 130, 105],
      ['w=100&rot=90', 75, 100],
      ['w=100&flip=hv', 100, 75],
    ],
  };
  for (const [group, cases] of Object.entries(SIZES)) {
    test.describe(group, () => {
      for (const [query, width, height] of cases) {
        test(`${query} → ${width}×${height}`, async ({ request }) => {
          expect(await sizeOf(request, photo, query)).toEqual([width, height]);
        });
      }
    });
  }

  test('dpr=9 is dpr=8: one variant, one ETag', async ({ request }) => {
    const [nine, eight] = await Promise.all(['w=50&dpr=9', 'w=50&dpr=8'].map((q) => fetchVariant(request, photo, q)));
    expect(nine.headers.etag).toBe(eight.headers.etag);
  });
});

test.describe('where the pixels come from (3×3 grid)', () => {
  const CASES: [query: string, strip: ColourName[]][] = [
    ['fit=crop&w=300&h=100', ['yellow', 'grey', 'cyan']],
    ['fit=crop&w=300&h=100&crop=top', ['red', 'lime', 'blue']],
    ['fit=crop&w=300&h=100&crop=bottom', ['magenta', 'white', 'black']],
    ['fit=crop&w=300&h=100&crop=top,bottom', ['red', 'lime', 'blue']], // top beats bottom
    ['fit=crop&w=150&h=50&crop=bottom,left', ['magenta', 'white', 'black']],
    ['fit=crop&w=100&h=300&crop=left', ['red', 'yellow', 'magenta']],
    ['fit=crop&w=100&h=300&crop=right', ['blue', 'cyan', 'black']],
    ['fit=crop&w=100&h=300&crop=left,right', ['red', 'yellow', 'magenta']], // left beats right
    ['fit=crop&w=100&h=300&crop=top,right', ['blue', 'cyan', 'black']],
    ['fit=crop&w=300&h=100&crop=focalpoint&fp-y=0.9', ['magenta', 'white', 'black']],
    ['fit=crop&w=100&h=300&crop=focalpoint&fp-x=0.1', ['red', 'yellow', 'magenta']],
    // fp-z=3 shows exactly one cell, the one around the focal point (pushed inside at the edges).
    ['fit=crop&w=100&h=100&crop=focalpoint&fp-x=0.8333&fp-y=0.8333&fp-z=3', ['black', 'black', 'black']],
    ['fit=crop&w=100&h=100&crop=focalpoint&fp-x=0.1667&fp-y=0.5&fp-z=3', ['yellow', 'yellow', 'yellow']],
    ['fit=crop&w=100&h=100&crop=focalpoint&fp-x=0&fp-y=0&fp-z=3', ['red', 'red', 'red']],
    ['fit=crop&w=100&h=100&crop=focalpoint&fp-x=1&fp-y=0.5&fp-z=3', ['cyan', 'cyan', 'cyan']],
    ['rect=100,100,100,100', ['grey', 'grey', 'grey']],
    ['rect=200,0,100,300&w=50', ['blue', 'cyan', 'black']], // rect before w
    ['fit=crop&w=300&h=100&crop=top&flip=h', ['blue', 'lime', 'red']],
    ['fit=crop&w=300&h=100&crop=top&rot=90', ['red', 'lime', 'blue']], // clockwise: the left end goes on top
  ];
  for (const [query, strip] of CASES) {
    test(`${query} shows ${strip.join(', ')}`, async ({ request }) => {
      expect(await stripOf((await fetchVariant(request, cells, `${query}&fm=png`)).body)).toEqual(strip);
    });
  }

  const CANVAS: [query: string, samples: [x: number, y: number, colour: ColourName][]][] = [
    // fill enlarges the image to 400×400 and pads left and right.
    [
      'fit=fill&w=600&h=400&fill-color=ff8000',
      [
        [50, 200, 'orange'],
        [150, 50, 'red'],
        [450, 350, 'black'],
      ],
    ],
    // fillmax keeps it at 300×300 in the middle of the 600×400 box.
    [
      'fit=fillmax&w=600&h=400&fill-color=ff8000',
      [
        [100, 200, 'orange'],
        [300, 20, 'orange'],
        [200, 100, 'red'],
        [400, 300, 'black'],
      ],
    ],
    // clamp repeats the edge pixels.
    [
      'fit=clamp&w=600&h=400',
      [
        [20, 50, 'red'],
        [580, 50, 'blue'],
        [580, 350, 'black'],
      ],
    ],
    [
      'fit=crop&w=300&h=100&crop=top&border=10,ff8000',
      [
        [3, 50, 'orange'],
        [60, 60, 'red'],
      ],
    ],
    [
      'fit=crop&w=300&h=100&crop=top&pad=10&bg=ff8000',
      [
        [3, 50, 'orange'],
        [60, 60, 'red'],
      ],
    ],
  ];
  for (const [query, samples] of CANVAS) {
    test(`${query} paints ${samples.map(([x, y, c]) => `${c}@${x},${y}`).join(' ')}`, async ({ request }) => {
      const { body } = await fetchVariant(request, cells, `${query}&fm=png`);
      for (const [x, y, colour] of samples) expect(await colourAt(body, x, y), `${x},${y}`).toBe(colour);
    });
  }

  test('crop=entropy, edges and faces return exactly the box; entropy keeps the busy half', async ({ request }) => {
    for (const mode of ['entropy', 'edges', 'faces']) {
      expect(await sizeOf(request, cells, `fit=crop&w=120&h=80&crop=${mode}`)).toEqual([120, 80]);
    }
    // Left half flat grey, right half noise.
    const busy = await noise(200, 200).png().toBuffer();
    const flatAndBusy = sharp({ create: { width: 400, height: 200, channels: 3, background: '#808080' } })
      .composite([{ input: busy, left: 200, top: 0 }])
      .png();
    const halves = await upload(request, 'entropy', 'png', await flatAndBusy.toBuffer());
    const { body } = await fetchVariant(request, halves, 'fit=crop&w=100&h=200&crop=entropy');
    // Both edges are noise: no flat column survived (a centre crop would keep 50 of them).
    for (const left of [0, 90]) {
      const edge = await sharp(body).extract({ left, top: 0, width: 10, height: 200 }).stats();
      expect(edge.channels[0].stdev, `columns ${left}–${left + 9}`).toBeGreaterThan(20);
    }
  });
});

test.describe('output formats', () => {
  const CASES: [fm: string, contentType: string, meta: Record<string, unknown>][] = [
    ['jpg', 'image/jpeg', { format: 'jpeg', isProgressive: false }],
    ['pjpg', 'image/jpeg', { format: 'jpeg', isProgressive: true }],
    ['png', 'image/png', { format: 'png', isPalette: false }],
    ['png8', 'image/png', { format: 'png', isPalette: true }],
    ['png32', 'image/png', { format: 'png', isPalette: false }],
    ['webp', 'image/webp', { format: 'webp' }],
    ['avif', 'image/avif', { format: 'heif', compression: 'av1' }], // sharp calls AVIF heif
    ['gif', 'image/gif', { format: 'gif' }],
  ];
  for (const [fm, contentType, meta] of CASES) {
    test(`fm=${fm} → ${contentType}`, async ({ request }) => {
      const out = await fetchVariant(request, cells, `w=60&fm=${fm}`);
      expect(out.headers['content-type']).toBe(contentType);
      expect(await out.meta()).toMatchObject({ ...meta, width: 60, height: 60 });
    });
  }

  test('fm=json describes the source, not the variant', async ({ request }) => {
    const out = await fetchVariant(request, cells, 'fm=json&w=10&fit=crop&h=20');
    expect(out.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(out.body.toString('utf8'))).toMatchObject({
      width: 300,
      height: 300,
      format: 'png',
      contentType: 'image/png',
      bytes: cellBytes.length,
      orientation: 1,
      hasAlpha: false,
      pages: 1,
      PixelWidth: 300,
      PixelHeight: 300,
      'Content-Type': 'image/png',
      'Content-Length': String(cellBytes.length),
    });
  });

  test('fm=blurhash is a BlurHash string of the variant, as text/plain', async ({ request }) => {
    const [top, bottom] = await Promise.all(
      ['top', 'bottom'].map((crop) => fetchVariant(request, cells, `fm=blurhash&fit=crop&w=300&h=100&crop=${crop}`)),
    );
    expect(top.headers['content-type']).toBe('text/plain; charset=utf-8');
    const hash = top.body.toString('utf8');
    expect(hash).toMatch(/^[0-9A-Za-z#$%*+,\-.:;=?@[\]^_{|}~]+$/);
    // The first digit encodes the component counts; the length follows from them.
    const sizeFlag = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.indexOf(hash[0]);
    expect(hash).toHaveLength(4 + 2 * ((sizeFlag % 9) + 1) * (Math.floor(sizeFlag / 9) + 1));
    expect(bottom.body.toString('utf8')).not.toBe(hash);
  });
});

test.describe('auto', () => {
  const NEGOTIATED: [accept: string, contentType: string][] = [
    ['image/avif,image/webp,image/apng,*/*;q=0.8', 'image/avif'],
    ['image/webp,*/*', 'image/webp'],
    ['image/avif;q=0,image/webp', 'image/webp'],
    ['image/*,*/*;q=0.8', 'image/png'], // wildcards promise nothing: the source's format
  ];
  for (const [accept, contentType] of NEGOTIATED) {
    test(`auto=format with Accept "${accept}" → ${contentType}, Vary: Accept`, async ({ request }) => {
      const out = await fetchVariant(request, cells, 'auto=format&w=40', { Accept: accept });
      expect(out.headers['content-type']).toBe(contentType);
      expect(out.headers['vary']).toBe('Accept');
      expect(await out.meta()).toMatchObject({ width: 40, height: 40 });
    });
  }

  test('fm beats auto=format, and then the answer does not vary by Accept', async ({ request }) => {
    const out = await fetchVariant(request, cells, 'auto=format&fm=jpg&w=40', { Accept: 'image/avif,image/webp,*/*' });
    expect(out.headers['content-type']).toBe('image/jpeg');
    expect(out.headers['vary']).toBeUndefined();
  });

  test('auto=compress makes a JPEG smaller than the default quality does', async ({ request }) => {
    const noisy = await noise(400, 300).jpeg({ quality: 95 }).toBuffer();
    const m = await upload(request, 'noisy', 'jpg', noisy);
    const plain = await fetchVariant(request, m, 'w=300');
    const compressed = await fetchVariant(request, m, 'w=300&auto=compress');
    expect(compressed.headers['content-type']).toBe('image/jpeg');
    expect(compressed.body.length).toBeLessThan(plain.body.length);
  });
});

test.describe('download and mask', () => {
  const DOWNLOADS: [query: string, name: string | null, transformed: boolean][] = [
    ['dl=thumb.png', 'thumb.png', false],
    ['dl=', null, false],
    ['w=50&dl=thumb.png', 'thumb.png', true],
    ['w=50&dl=', null, true],
  ];
  for (const [query, name, transformed] of DOWNLOADS) {
    test(`${query} downloads as ${name ?? 'the original name'}`, async ({ request }) => {
      const out = await fetchVariant(request, cells, query);
      expect(out.headers['content-disposition']).toBe(`attachment; filename="${name ?? cells.fileName}"`);
      if (transformed) expect((await out.meta()).width).toBe(50);
      else expect(Buffer.compare(out.body, cellBytes)).toBe(0);
    });
  }

  test('a bare dl of another format saves under that format’s extension; a named dl keeps its name', async ({
    request,
  }) => {
    const stem = cells.fileName.replace(/\.png$/, '');
    for (const [query, name] of [
      ['w=50&fm=webp&dl=', `${stem}.webp`],
      ['w=50&fm=jpg&dl', `${stem}.jpg`],
      ['fm=json&dl=', `${stem}.json`],
      ['w=50&fm=webp&dl=mine.png', 'mine.png'],
    ]) {
      const out = await fetchVariant(request, cells, query);
      expect(out.headers['content-disposition'], query).toBe(`attachment; filename="${name}"`);
    }
  });

  for (const fm of ['png', 'webp']) {
    test(`mask=ellipse in ${fm} has transparent corners`, async ({ request }) => {
      const out = await fetchVariant(request, cells, `w=100&mask=ellipse&fm=${fm}`);
      expect(out.headers['content-type']).toBe(`image/${fm}`);
      expect((await pixelAt(out.body, 0, 0)).a).toBe(0);
      expect((await pixelAt(out.body, 99, 99)).a).toBe(0);
      expect((await pixelAt(out.body, 50, 50)).a).toBe(255);
    });
  }
});

test.describe('a JPEG stored 300×200 with EXIF orientation 6 and GPS: shown 200×300, red on top, blue below', () => {
  let rotated: MediaRecord;
  test.beforeAll(async ({ request }) => {
    const blue = await sharp({ create: { width: 150, height: 200, channels: 3, background: '#0000ff' } })
      .png()
      .toBuffer();
    const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#ff0000' } })
      .composite([{ input: blue, left: 150, top: 0 }])
      .withExif({ IFD0: { Copyright: 'Kura test' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 41/1 0/1' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect(await metadataOf(jpeg)).toMatchObject({ orientation: 6, exif: expect.any(Buffer) });
    rotated = await upload(request, 'rotated', 'jpg', jpeg);
  });

  test('w=100 is oriented and carries no metadata at all', async ({ request }) => {
    expect([rotated.width, rotated.height]).toEqual([200, 300]);
    const out = await fetchVariant(request, rotated, 'w=100');
    const meta = await out.meta();
    expect(meta).toMatchObject({ format: 'jpeg', width: 100, height: 150 });
    expect([meta.exif, meta.orientation, meta.xmp]).toEqual([undefined, undefined, undefined]);
    expect(await colourAt(out.body, 50, 10)).toBe('red');
    expect(await colourAt(out.body, 50, 140)).toBe('blue');
  });

  test('rect and fm=json see the oriented image', async ({ request }) => {
    const top = await fetchVariant(request, rotated, 'rect=0,0,200,150&fm=png');
    expect(await top.meta()).toMatchObject({ width: 200, height: 150 });
    for (const [x, y] of [
      [2, 2],
      [197, 147],
    ])
      expect(await colourAt(top.body, x, y)).toBe('red');
    const json = await fetchVariant(request, rotated, 'fm=json');
    expect(JSON.parse(json.body.toString('utf8'))).toMatchObject({ width: 200, height: 300, orientation: 6 });
  });
});

test.describe('an animated GIF (red, lime, blue frames)', () => {
  let gif: MediaRecord;
  test.beforeAll(async ({ request }) => {
    gif = await upload(request, 'animated', 'gif', await animatedGif(40, 30, ['red', 'lime', 'blue']));
  });

  const CASES: [query: string, accept: string, format: string, frames: number][] = [
    ['w=20', '*/*', 'gif', 3],
    ['w=20&fm=webp', '*/*', 'webp', 3],
    // AVIF cannot animate: auto=format keeps the animation in WebP, else in the source's format.
    ['w=20&auto=format', 'image/avif,image/webp,*/*', 'webp', 3],
    ['w=20&auto=format', 'image/avif,*/*', 'gif', 3],
    // Steps that work on one picture (effects, orient) render frame by frame: still animated.
    ['w=20&flip=h', '*/*', 'gif', 3],
    ['w=20&blur=10&fm=webp', '*/*', 'webp', 3],
    ['w=20&orient=2&auto=format', 'image/avif,image/webp,*/*', 'webp', 3],
    // fm says otherwise: the first frame.
    ['w=20&fm=png', '*/*', 'png', 1],
    ['w=20&fm=avif', '*/*', 'heif', 1],
  ];
  for (const [query, accept, format, frames] of CASES) {
    test(`${query} with Accept ${accept} → ${format}, ${frames} frame(s)`, async ({ request }) => {
      const out = await fetchVariant(request, gif, query, { Accept: accept });
      const meta = await out.meta();
      expect(meta).toMatchObject({ format, width: 20, height: 15 });
      expect(meta.pages ?? 1).toBe(frames);
      const last = await sharp(out.body, { page: frames - 1 })
        .png()
        .toBuffer();
      expect(await colourAt(last, 10, 7)).toBe(frames === 3 ? 'blue' : 'red');
    });
  }
});

test('after a re-upload the same URL and query show the new image under a new ETag', async ({ request }) => {
  const m = await upload(request, 'replaced', 'png', await grid(100, [['red', 'red']]));
  const query = 'w=100&fm=png';
  const before = await fetchVariant(request, m, query);
  expect(await before.meta()).toMatchObject({ width: 100, height: 50 });
  expect(await colourAt(before.body, 50, 25)).toBe('red');

  const put = await request.put(`/api/v1/media/${m.id}/file`, {
    headers: keyHeader,
    multipart: { file: { name: 'new.png', mimeType: 'image/png', buffer: await grid(100, [['blue'], ['blue']]) } },
  });
  expect(put.status(), await put.text()).toBe(200);
  expect((await put.json()).url).toBe(m.url);

  const after = await fetchVariant(request, m, query);
  expect(await after.meta()).toMatchObject({ width: 100, height: 200 });
  expect(await colourAt(after.body, 50, 100)).toBe('blue');
  expect(after.headers.etag).not.toBe(before.headers.etag);
  const revalidated = await request.get(`${pathOf(m.url)}?${query}`, {
    headers: { 'If-None-Match': before.headers.etag },
  });
  expect(revalidated.status()).toBe(200);
  expect(await colourAt(await revalidated.body(), 50, 100)).toBe('blue');
});
