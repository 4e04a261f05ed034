import { describe, expect, it } from 'vitest';
import { KuraError } from '@/lib/errors';
import { cacheKeyOf } from '@/lib/image-api/cache-key';
import { parseImageParams } from '@/lib/image-api/parse-params';
import type { TransformOps, TransformPlan } from '@/lib/image-api/plan';

const CHROME_ACCEPT = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';

const parse = (query: string, opts?: Parameters<typeof parseImageParams>[1]) =>
  parseImageParams(new URLSearchParams(query), opts);

function transform(query: string, opts?: Parameters<typeof parseImageParams>[1]): TransformPlan {
  const plan = parse(query, opts);
  if (!plan.transforms) throw new Error(`expected "${query}" to be a transform`);
  return plan;
}

function errorOf(query: string): KuraError {
  try {
    parse(query);
  } catch (err) {
    if (err instanceof KuraError) return err;
    throw err;
  }
  throw new Error(`expected "${query}" to be refused`);
}

/** Asserts a 400 whose message names the parameter as the URL spelled it. */
function expectRefused(query: string, key: string, expected?: string) {
  const err = errorOf(query);
  expect(err.status).toBe(400);
  expect(err.code).toBe('bad_request');
  expect(err.message).toMatch(new RegExp(`^Invalid value for "${key}": expected `));
  if (expected) expect(err.message).toBe(`Invalid value for "${key}": expected ${expected}`);
}

const key = (query: string, opts?: Parameters<typeof parseImageParams>[1]) => transform(query, opts).cacheKey;

describe('when nothing is transformed', () => {
  it.each([
    ['an empty query', ''],
    ['only dl', 'dl=photo.jpg'],
    ['only unknown parameters', 'blend=red&foo=1'],
    ['only the version tag', 'v=abc123'],
    ['only empty values', 'w=&fm=&q='],
    ['values equal to the defaults', 'rot=0&blur=0&sharp=0&fit=clip&q=75&lossless=0&pad=0'],
    ['dpr without a size', 'dpr=2'],
    ['crop settings without fit=crop', 'crop=top&fp-x=0.2&min-w=10&ar=1:1'],
    ['fill settings without fit=fill', 'fill=blur&fill-color=red'],
    ['corner-radius without mask=corners', 'corner-radius=10'],
  ])('serves the original for %s', (_, query) => {
    const plan = parse(query);
    expect(plan.transforms).toBe(false);
    expect(plan).not.toHaveProperty('cacheKey');
    expect(plan).not.toHaveProperty('output');
  });

  it('still carries the download, the ignored list and Vary', () => {
    expect(parse('dl=photo.jpg&blend=hi&auto=format', { accept: 'image/png' })).toEqual({
      transforms: false,
      download: { fileName: 'photo.jpg' },
      ignored: ['blend'],
      varyAccept: true,
    });
  });
});

describe('defaults of a transform', () => {
  it('makes every default explicit', () => {
    expect(transform('w=100')).toEqual({
      transforms: true,
      rect: null,
      resize: {
        w: { kind: 'px', value: 100 },
        h: null,
        fit: 'clip',
        dpr: 1,
        ar: null,
        min: { w: null, h: null },
        max: { w: null, h: null },
      },
      crop: { mode: 'position', x: 'center', y: 'center' },
      orient: null,
      rot: 0,
      flip: { h: false, v: false },
      fill: null,
      bg: null,
      pad: { top: 0, right: 0, bottom: 0, left: 0 },
      border: null,
      mask: null,
      blur: 0,
      sharp: 0,
      adjust: null,
      trim: null,
      frame: null,
      animation: null,
      text: null,
      mark: null,
      edit: null,
      output: { format: 'source', animatedFallback: null, quality: 75, lossless: false, compress: false },
      download: null,
      ignored: [],
      varyAccept: false,
      cacheKey: expect.stringMatching(/^v1:\{/),
    });
  });

  it('is plain JSON', () => {
    const plan = transform('w=0.5&rect=10,middle,full,0.5&bg=80ff0000&mask=corners&corner-radius=1,2,3,4&dl=a');
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('w and h', () => {
  it('reads integers as pixels and 0 < n < 1 as a fraction of the source', () => {
    expect(transform('w=300&h=200').resize).toMatchObject({
      w: { kind: 'px', value: 300 },
      h: { kind: 'px', value: 200 },
    });
    expect(transform('w=0.5&h=.25').resize).toMatchObject({
      w: { kind: 'fraction', value: 0.5 },
      h: { kind: 'fraction', value: 0.25 },
    });
  });

  it('reads 1 as one pixel and rounds pixels', () => {
    expect(transform('w=1').resize.w).toEqual({ kind: 'px', value: 1 });
    expect(transform('w=100.4&h=100.6').resize).toMatchObject({ w: { value: 100 }, h: { value: 101 } });
  });

  it('clamps pixels to 1–8192', () => {
    expect(transform('w=99999').resize.w).toEqual({ kind: 'px', value: 8192 });
    expect(transform('h=-20').resize.h).toEqual({ kind: 'px', value: 1 });
    expect(transform('w=0').resize.w).toEqual({ kind: 'px', value: 1 });
  });

  it('accepts the imgix aliases width and height', () => {
    expect(key('width=120&height=80')).toBe(key('w=120&h=80'));
  });

  it.each(['w=abc', 'w=10px', 'w=1e3', 'w=0x10', 'w=NaN', 'w=Infinity', 'w=1.2.3'])('refuses %s', (query) => {
    expectRefused(query, 'w', 'a number');
  });

  it('names the parameter as the URL spelled it', () => {
    expectRefused('height=tall', 'height', 'a number');
  });
});

describe('fit', () => {
  it.each(['clamp', 'clip', 'crop', 'fill', 'fillmax', 'max', 'min', 'scale'])('accepts fit=%s', (fit) => {
    expect(transform(`w=100&fit=${fit}`).resize.fit).toBe(fit);
  });

  it('defaults to clip', () => {
    expect(transform('w=100').resize.fit).toBe('clip');
  });

  it('treats facearea as crop aimed by attention, also with a fallback mode', () => {
    expect(transform('w=100&h=100&fit=facearea')).toMatchObject({
      resize: { fit: 'crop' },
      crop: { mode: 'attention' },
    });
    expect(transform('w=100&h=100&fit=facearea,fill').resize.fit).toBe('crop');
  });

  it('accepts the alias f and any letter case', () => {
    expect(transform('w=100&f=CROP').resize.fit).toBe('crop');
  });

  it('refuses an unknown mode', () => {
    expectRefused('w=100&fit=cover', 'fit');
  });
});

describe('crop and the focal point', () => {
  const crop = (query: string) => transform(`w=100&h=100&fit=crop&${query}`).crop;

  it('centres by default', () => {
    expect(crop('')).toEqual({ mode: 'position', x: 'center', y: 'center' });
  });

  it('reads directions as a comma list, in any order', () => {
    expect(crop('crop=top,left')).toEqual({ mode: 'position', x: 'left', y: 'top' });
    expect(crop('crop=right,%20bottom')).toEqual({ mode: 'position', x: 'right', y: 'bottom' });
    expect(key('w=9&h=9&fit=crop&crop=left,top')).toBe(key('w=9&h=9&fit=crop&crop=top,left'));
  });

  it('falls back from faces to attention, ahead of any other mode', () => {
    expect(crop('crop=faces')).toEqual({ mode: 'attention' });
    expect(crop('crop=faces,focalpoint,top')).toEqual({ mode: 'attention' });
  });

  it('reads entropy and edges', () => {
    expect(crop('crop=entropy')).toEqual({ mode: 'entropy' });
    expect(crop('crop=edges,left')).toEqual({ mode: 'edges' });
  });

  it('uses fp-x, fp-y and fp-z with crop=focalpoint, defaulting to the centre at zoom 1', () => {
    expect(crop('crop=focalpoint')).toEqual({ mode: 'focalpoint', x: 0.5, y: 0.5, z: 1 });
    expect(crop('crop=focalpoint&fp-x=0.25&fp-y=.75&fp-z=2.5')).toEqual({
      mode: 'focalpoint',
      x: 0.25,
      y: 0.75,
      z: 2.5,
    });
  });

  it('clamps the focal point to 0–1 and the zoom to 1–100', () => {
    expect(crop('crop=focalpoint&fp-x=1.5&fp-y=-1&fp-z=500')).toEqual({ mode: 'focalpoint', x: 1, y: 0, z: 100 });
    expect(crop('crop=focalpoint&fp-z=0.5')).toMatchObject({ z: 1 });
  });

  it('drops crop settings when fit is not crop', () => {
    expect(transform('w=100&crop=top&fp-x=0.1').crop).toEqual({ mode: 'position', x: 'center', y: 'center' });
    expect(key('w=100&crop=top')).toBe(key('w=100'));
  });

  it('refuses unknown modes and malformed focal values', () => {
    expectRefused('fit=crop&crop=top,middle', 'crop');
    expectRefused('fit=crop&crop=focalpoint&fp-x=left', 'fp-x', 'a number');
    expectRefused('fp-y=.5.5', 'fp-y', 'a number');
    expectRefused('fp-z=far', 'fp-z', 'a number');
  });
});

describe('min-w, min-h, max-w and max-h', () => {
  it('apply with fit=crop, as rounded pixels clamped to 1–8192', () => {
    expect(transform('h=200&fit=crop&max-w=1200&min-w=50.6&max-h=0&min-h=10000').resize).toMatchObject({
      min: { w: 51, h: 8192 },
      max: { w: 1200, h: 1 },
    });
  });

  it('accept the imgix aliases', () => {
    expect(key('h=9&fit=crop&max-width=5&max-height=6&min-width=1&min-height=2')).toBe(
      key('h=9&fit=crop&max-w=5&max-h=6&min-w=1&min-h=2'),
    );
  });

  it('are dropped with other fit modes', () => {
    expect(transform('w=100&max-w=50').resize.max).toEqual({ w: null, h: null });
  });

  it.each(['max-w', 'max-h', 'min-w', 'min-h'])('refuses a malformed %s', (param) => {
    expectRefused(`fit=crop&${param}=wide`, param, 'a number');
  });
});

describe('ar', () => {
  it('reads W:H as a ratio with fit=crop or fit=fill', () => {
    expect(transform('w=900&fit=crop&ar=16:9').resize.ar).toBe(1.777778);
    expect(transform('w=900&fit=fill&ar=0.85:1').resize.ar).toBe(0.85);
  });

  it('keys equal ratios the same', () => {
    expect(key('w=9&fit=crop&ar=16:9')).toBe(key('w=9&fit=crop&ar=32:18'));
    expect(key('w=9&fit=crop&ar=16:9')).not.toBe(key('w=9&fit=crop&ar=4:3'));
  });

  it('clamps extreme ratios', () => {
    expect(transform('w=9&fit=crop&ar=100000:1').resize.ar).toBe(8192);
  });

  it('is dropped with other fit modes', () => {
    expect(transform('w=900&ar=16:9').resize.ar).toBeNull();
  });

  it.each(['16x9', '16:0', '0:1', '1.5', '16:9:1', '-16:9', 'a:b'])('refuses ar=%s', (value) => {
    expectRefused(`fit=crop&ar=${value}`, 'ar', 'W:H with two positive numbers');
  });
});

describe('rect', () => {
  it('reads pixels', () => {
    expect(transform('rect=10,20,300,200').rect).toEqual({
      x: { kind: 'px', value: 10 },
      y: { kind: 'px', value: 20 },
      w: { kind: 'px', value: 300 },
      h: { kind: 'px', value: 200 },
    });
  });

  it('reads fractions of the source', () => {
    expect(transform('rect=0.25,0.5,0.5,0.25').rect).toEqual({
      x: { kind: 'fraction', value: 0.25 },
      y: { kind: 'fraction', value: 0.5 },
      w: { kind: 'fraction', value: 0.5 },
      h: { kind: 'fraction', value: 0.25 },
    });
  });

  it('reads the alignment keywords and full', () => {
    expect(transform('rect=center,bottom,full,100').rect).toEqual({
      x: { kind: 'align', value: 'center' },
      y: { kind: 'align', value: 'end' },
      w: { kind: 'fraction', value: 1 },
      h: { kind: 'px', value: 100 },
    });
    expect(key('rect=left,top,10,10')).toBe(key('rect=0,0,10,10'));
    expect(transform('rect=right,middle,1,1').rect).toMatchObject({ x: { value: 'end' }, y: { value: 'center' } });
  });

  it('clamps negative offsets to 0 and empty sizes to 1 px', () => {
    expect(transform('rect=-5,-5,0,-3').rect).toEqual({
      x: { kind: 'px', value: 0 },
      y: { kind: 'px', value: 0 },
      w: { kind: 'px', value: 1 },
      h: { kind: 'px', value: 1 },
    });
  });

  it.each(['10,20,30', '1,2,3,4,5', 'top,left,10,10', 'a,b,c,d', '0,0,full,wide'])('refuses rect=%s', (value) => {
    expectRefused(`rect=${value}`, 'rect', 'x,y,w,h in pixels, fractions or keywords');
  });
});

describe('dpr', () => {
  it('multiplies a requested size, clamped to 0–8', () => {
    expect(transform('w=100&dpr=2').resize.dpr).toBe(2);
    expect(transform('w=100&dpr=2.625').resize.dpr).toBe(2.625);
    expect(transform('w=100&dpr=12').resize.dpr).toBe(8);
  });

  it('falls back to 1 for zero or negative values', () => {
    expect(transform('w=100&dpr=0').resize.dpr).toBe(1);
    expect(transform('w=100&dpr=-2').resize.dpr).toBe(1);
  });

  it('has no effect without w or h', () => {
    expect(transform('fm=png&dpr=3').resize.dpr).toBe(1);
  });

  it('refuses a non-number', () => {
    expectRefused('w=100&dpr=2x', 'dpr', 'a number');
  });
});

describe('q', () => {
  it('defaults to 75, or 45 with auto=compress', () => {
    expect(transform('w=100').output.quality).toBe(75);
    expect(transform('w=100&auto=compress').output.quality).toBe(45);
    expect(transform('w=100&auto=compress&q=60').output.quality).toBe(60);
  });

  it('rounds and clamps to 1–100', () => {
    expect(transform('w=100&q=80.4').output.quality).toBe(80);
    expect(transform('w=100&q=0').output.quality).toBe(1);
    expect(transform('w=100&q=150').output.quality).toBe(100);
  });

  it('is dropped for formats without a quality', () => {
    for (const fm of ['png', 'png8', 'gif', 'json', 'blurhash']) {
      expect(transform(`fm=${fm}&q=50`).output.quality).toBeNull();
    }
    expect(key('fm=png&q=10')).toBe(key('fm=png'));
  });

  it('refuses a non-number', () => {
    expectRefused('q=high', 'q', 'a number');
  });
});

describe('fm', () => {
  it.each(['jpg', 'pjpg', 'png', 'png8', 'webp', 'avif', 'gif', 'json', 'blurhash'])('accepts fm=%s', (fm) => {
    expect(transform(`fm=${fm}`).output.format).toBe(fm);
  });

  it('maps png32 to png and ignores letter case', () => {
    expect(transform('fm=png32').output.format).toBe('png');
    expect(transform('fm=WEBP').output.format).toBe('webp');
  });

  it.each(['jp2', 'jxr', 'mp4', 'webm'])('refuses the imgix format %s clearly', (fm) => {
    const err = errorOf(`fm=${fm}`);
    expect(err.status).toBe(400);
    expect(err.message).toContain('Invalid value for "fm"');
    expect(err.message).toContain(`${fm} is not supported`);
  });

  it('refuses an unknown format, listing the valid ones', () => {
    expectRefused('fm=jpeg', 'fm', 'one of jpg, pjpg, png, png8, webp, avif, gif, png32, json, blurhash');
  });
});

describe('auto and format negotiation', () => {
  it('picks AVIF, then WebP, from Accept, and says the response varies', () => {
    const negotiated = (accept: string) => {
      const plan = transform('w=100&auto=format', { accept });
      return [plan.output.format, plan.varyAccept];
    };
    expect(negotiated(CHROME_ACCEPT)).toEqual(['avif', true]);
    expect(negotiated('image/webp,*/*')).toEqual(['webp', true]);
    expect(negotiated('image/png,*/*;q=0.8')).toEqual(['source', true]);
  });

  it('does not read support into wildcards or q=0', () => {
    expect(transform('w=100&auto=format', { accept: 'image/*,*/*' }).output.format).toBe('source');
    expect(transform('w=100&auto=format', { accept: 'image/avif;q=0, image/webp' }).output.format).toBe('webp');
    expect(transform('w=100&auto=format', { accept: 'IMAGE/AVIF;Q=0.5' }).output.format).toBe('avif');
    expect(transform('w=100&auto=format').output.format).toBe('source');
    expect(transform('w=100&auto=format', { accept: null }).output.format).toBe('source');
  });

  it('gives AVIF a fallback for animations (AVIF keeps one frame): WebP if accepted, else the source', () => {
    const fallback = (query: string, accept: string) => transform(query, { accept }).output.animatedFallback;
    expect(fallback('w=100&auto=format', CHROME_ACCEPT)).toBe('webp');
    expect(fallback('w=100&auto=format', 'image/avif,*/*')).toBe('source');
    expect(fallback('w=100&auto=format', 'image/webp,*/*')).toBeNull();
    expect(fallback('w=100&auto=format&fm=avif', CHROME_ACCEPT)).toBeNull();
  });

  it('lets fm win over auto=format, without Vary', () => {
    expect(transform('auto=format&fm=png', { accept: CHROME_ACCEPT })).toMatchObject({
      output: { format: 'png' },
      varyAccept: false,
    });
  });

  it('can be told not to pick AVIF', () => {
    expect(transform('w=100&auto=format', { accept: CHROME_ACCEPT, avif: false }).output.format).toBe('webp');
  });

  it('makes a bare auto=format a transform only when Accept offers a better format', () => {
    expect(parse('auto=format', { accept: 'image/webp' }).transforms).toBe(true);
    expect(parse('auto=format', { accept: 'text/html,*/*' })).toMatchObject({ transforms: false, varyAccept: true });
  });

  it('keys the negotiated format', () => {
    const webp = key('w=100&auto=format', { accept: 'image/webp' });
    expect(key('w=100&auto=format', { accept: CHROME_ACCEPT })).not.toBe(webp);
    expect(webp).toBe(key('w=100&fm=webp'));
  });

  it('reads comma lists and repeated auto parameters alike', () => {
    const listed = transform('w=1&auto=format,compress', { accept: 'image/webp' });
    expect(listed.output).toMatchObject({ format: 'webp', compress: true });
    expect(key('w=1&auto=compress&auto=format', { accept: 'image/webp' })).toBe(listed.cacheKey);
  });

  it('ignores other auto values and lists them', () => {
    const plan = parse('w=100&auto=enhance,redeye,format&auto=true', { accept: 'image/webp' });
    expect(plan.ignored).toEqual(['auto=enhance', 'auto=redeye', 'auto=true']);
    expect(parse('auto=enhance')).toMatchObject({ transforms: false, ignored: ['auto=enhance'] });
  });
});

describe('colours (bg, fill-color, border)', () => {
  const bg = (value: string) => transform(`bg=${value}`).bg;

  it('reads 3 and 6 hex digits as opaque RGB', () => {
    expect(bg('f80')).toEqual({ r: 255, g: 136, b: 0, alpha: 1 });
    expect(bg('FF8800')).toEqual({ r: 255, g: 136, b: 0, alpha: 1 });
  });

  it('reads 4 and 8 hex digits with alpha first (ARGB), as imgix does', () => {
    expect(bg('0fff')).toEqual({ r: 255, g: 255, b: 255, alpha: 0 });
    expect(bg('8f00')).toEqual({ r: 255, g: 0, b: 0, alpha: 0.5333 });
    expect(bg('80ff0000')).toEqual({ r: 255, g: 0, b: 0, alpha: 0.502 });
    expect(bg('ff0000ff')).toEqual({ r: 0, g: 0, b: 255, alpha: 1 });
  });

  it('reads CSS keywords and an optional #', () => {
    expect(bg('lightsteelblue')).toEqual({ r: 176, g: 196, b: 222, alpha: 1 });
    expect(bg('RebeccaPurple')).toEqual({ r: 102, g: 51, b: 153, alpha: 1 });
    expect(bg('%23336699')).toEqual({ r: 51, g: 102, b: 153, alpha: 1 });
  });

  it('keys every spelling of a colour the same', () => {
    expect(key('bg=white')).toBe(key('bg=fff'));
    expect(key('bg=fff')).toBe(key('bg=ffffffff'));
    expect(key('bg=ffff')).toBe(key('bg=FFFFFF'));
    expect(key('bg=fff')).not.toBe(key('bg=0fff'));
  });

  it.each(['ff', 'fffff', 'fffffff', 'gggggg', 'notacolor', 'constructor', 'rgb(0,0,0)', 'imgixblue'])(
    'refuses bg=%s',
    (value) => {
      expectRefused(`bg=${value}`, 'bg', 'a colour keyword or 3, 4, 6 or 8 hex digits');
    },
  );
});

describe('fill and fill-color', () => {
  it('fills with a solid colour by default under fit=fill and fillmax', () => {
    expect(transform('w=100&h=100&fit=fill').fill).toEqual({ mode: 'solid', color: null });
    expect(transform('w=100&h=100&fit=fillmax&fill-color=red').fill).toEqual({
      mode: 'solid',
      color: { r: 255, g: 0, b: 0, alpha: 1 },
    });
  });

  it('reads blur, and gen or gradient as solid', () => {
    expect(transform('w=100&fit=fill&fill=blur&fill-color=red').fill).toEqual({ mode: 'blur' });
    expect(transform('w=100&fit=fill&fill=gen&fill-color=000').fill).toEqual({
      mode: 'solid',
      color: { r: 0, g: 0, b: 0, alpha: 1 },
    });
    expect(transform('w=100&fit=fill&fill=gradient').fill).toEqual({ mode: 'solid', color: null });
  });

  it('accepts the alias fillcolor', () => {
    expect(key('w=1&fit=fill&fillcolor=blue')).toBe(key('w=1&fit=fill&fill-color=00f'));
  });

  it('refuses unknown modes and colours', () => {
    expectRefused('fit=fill&fill=pattern', 'fill');
    expectRefused('fit=fill&fill-color=bluish', 'fill-color');
    expectRefused('fit=fill&fillcolor=bluish', 'fillcolor');
  });
});

describe('pad', () => {
  it('pads every side, and pad-* override one side', () => {
    expect(transform('pad=10').pad).toEqual({ top: 10, right: 10, bottom: 10, left: 10 });
    expect(transform('pad=10&pad-top=0&pad-left=25').pad).toEqual({ top: 0, right: 10, bottom: 10, left: 25 });
    expect(transform('pad-right=5&pad-bottom=6').pad).toEqual({ top: 0, right: 5, bottom: 6, left: 0 });
  });

  it('clamps to 0–8192', () => {
    expect(transform('pad=-4&pad-top=100000').pad).toEqual({ top: 8192, right: 0, bottom: 0, left: 0 });
    expect(parse('pad=-4').transforms).toBe(false);
  });

  it.each(['pad', 'pad-top', 'pad-right', 'pad-bottom', 'pad-left'])('refuses a malformed %s', (param) => {
    expectRefused(`${param}=wide`, param, 'a number');
  });
});

describe('border', () => {
  it('reads size,color', () => {
    expect(transform('border=10,ff0000').border).toEqual({ size: 10, color: { r: 255, g: 0, b: 0, alpha: 1 } });
    expect(transform('border=3,navy').border).toEqual({ size: 3, color: { r: 0, g: 0, b: 128, alpha: 1 } });
  });

  it('treats size 0 as no border and clamps big sizes', () => {
    expect(parse('border=0,000').transforms).toBe(false);
    expect(transform('border=90000,000').border?.size).toBe(8192);
  });

  it('refuses a missing colour, a bad size or a bad colour', () => {
    expectRefused('border=10', 'border', 'size,color');
    expectRefused('border=10,red,blue', 'border', 'size,color');
    expectRefused('border=thick,red', 'border', 'a number');
    expectRefused('border=10,reddish', 'border', 'a colour keyword or 3, 4, 6 or 8 hex digits');
  });
});

describe('mask and corner-radius', () => {
  it('reads ellipse and corners, corners defaulting to imgix’s radius', () => {
    expect(transform('mask=ellipse').mask).toEqual({ kind: 'ellipse' });
    expect(transform('mask=corners').mask).toEqual({ kind: 'corners', radius: null });
  });

  it('spreads one radius to four corners and reads four from the top left', () => {
    expect(transform('mask=corners&corner-radius=12').mask).toMatchObject({ radius: [12, 12, 12, 12] });
    expect(transform('mask=corners&corner-radius=1,2,3.4,-4').mask).toMatchObject({ radius: [1, 2, 3, 0] });
    expect(key('mask=corners&corner-radius=5')).toBe(key('mask=corners&corner-radius=5,5,5,5'));
  });

  it('drops corner-radius with an ellipse', () => {
    expect(key('mask=ellipse&corner-radius=5')).toBe(key('mask=ellipse'));
  });

  it('refuses image masks and wrong radius counts', () => {
    expectRefused('mask=https%3A%2F%2Fexample.com%2Fm.png', 'mask', 'one of corners, ellipse');
    expectRefused('mask=circle', 'mask');
    expectRefused('mask=corners&corner-radius=1,2', 'corner-radius', 'one radius or four');
    expectRefused('mask=corners&corner-radius=round', 'corner-radius', 'a number');
  });
});

describe('flip, rot and orient', () => {
  it('reads flip=h, v and hv', () => {
    expect(transform('flip=h').flip).toEqual({ h: true, v: false });
    expect(transform('flip=v').flip).toEqual({ h: false, v: true });
    expect(transform('flip=hv').flip).toEqual({ h: true, v: true });
    expectRefused('flip=x', 'flip', 'one of h, v, hv');
  });

  it('wraps rot into 0–360 degrees', () => {
    expect(transform('rot=45.5').rot).toBe(45.5);
    expect(transform('rot=450').rot).toBe(90);
    expect(transform('rot=-90').rot).toBe(270);
    expect(parse('rot=360').transforms).toBe(false);
    expectRefused('rot=90deg', 'rot', 'a number');
  });

  it('reads orient as EXIF 1–8 or the degree aliases 90, 180, 270', () => {
    for (let n = 1; n <= 8; n++) expect(transform(`orient=${n}`).orient).toBe(n);
    expect(transform('orient=0').orient).toBe(1);
    expect(transform('orient=90').orient).toBe(6);
    expect(transform('orient=180').orient).toBe(3);
    expect(transform('orient=270').orient).toBe(8);
    expect(key('or=6')).toBe(key('orient=90'));
  });

  it.each(['9', '45', '-90', 'left', '1.5'])('refuses orient=%s', (value) => {
    expectRefused(`orient=${value}`, 'orient', '1 to 8, 90, 180 or 270');
  });
});

describe('blur, sharp and lossless', () => {
  it('clamps blur to 0–2000 and sharp to 0–100', () => {
    expect(transform('blur=200').blur).toBe(200);
    expect(transform('blur=5000').blur).toBe(2000);
    expect(transform('sharp=12.5').sharp).toBe(12.5);
    expect(transform('sharp=500').sharp).toBe(100);
    expect(parse('blur=-3&sharp=-1').transforms).toBe(false);
    expectRefused('blur=soft', 'blur', 'a number');
    expectRefused('sharp=very', 'sharp', 'a number');
  });

  it('reads lossless as 1/true or 0/false', () => {
    expect(transform('fm=webp&lossless=1').output.lossless).toBe(true);
    expect(transform('fm=webp&lossless=TRUE').output.lossless).toBe(true);
    expect(transform('fm=webp&lossless=false').output.lossless).toBe(false);
    expect(key('fm=webp&lossless=0')).toBe(key('fm=webp'));
    expectRefused('fm=webp&lossless=yes', 'lossless', '1, 0, true or false');
  });
});

describe('dl', () => {
  it('asks for a download under the given name, or the original name when empty', () => {
    expect(parse('dl=cat.jpg').download).toEqual({ fileName: 'cat.jpg' });
    expect(parse('dl=').download).toEqual({ fileName: null });
    expect(parse('w=10').download).toBeNull();
  });

  it('is not part of the variant', () => {
    expect(key('w=10&dl=a.jpg')).toBe(key('w=10'));
  });
});

describe('ignored parameters and v', () => {
  it('lists unknown parameters sorted and once, as spelled', () => {
    expect(parse('w=10&foo=hi&bm=x&W=3&foo=again&blend=red').ignored).toEqual(['W', 'blend', 'bm', 'foo']);
  });

  it('never lists v, nor lets it change the plan', () => {
    expect(parse('v=123&foo=a').ignored).toEqual(['foo']);
    expect(key('w=10&v=1')).toBe(key('w=10&v=2'));
  });

  it('keeps known parameters with empty values out of the list', () => {
    expect(parse('w=&h=10').ignored).toEqual([]);
  });

  it('takes the last value of a repeated parameter, across aliases', () => {
    expect(transform('w=10&w=20').resize.w).toEqual({ kind: 'px', value: 20 });
    expect(transform('w=10&width=30').resize.w).toEqual({ kind: 'px', value: 30 });
    expect(transform('w=10&w=').resize.w).toEqual({ kind: 'px', value: 10 });
  });
});

describe('Base64 parameter variants', () => {
  it('decodes name64 values (URL-safe, unpadded)', () => {
    expect(key(`w64=${Buffer.from('100').toString('base64url')}`)).toBe(key('w=100'));
    const name = '写真 1.jpg';
    expect(parse(`dl64=${Buffer.from(name).toString('base64url')}`).download).toEqual({ fileName: name });
  });

  it('refuses malformed Base64 and checks the decoded value', () => {
    expectRefused('w64=MTA+', 'w64', 'URL-safe Base64');
    expectRefused(`w64=${Buffer.from('ten').toString('base64url')}`, 'w64', 'a number');
  });

  it('does not decode auto64, which imgix excludes', () => {
    expect(parse('auto64=Zm9ybWF0').ignored).toEqual(['auto64']);
  });
});

describe('cacheKey', () => {
  it('is canonical: order, spelling and trailing zeros do not matter', () => {
    expect(key('w=100&h=50')).toBe(key('h=50&w=100.0'));
    expect(key('fit=crop&w=100&h=50&crop=faces')).toBe(key('crop=faces&h=50.0&w=100&fit=CROP'));
    expect(key('w=0.5')).toBe(key('w=.50'));
  });

  it('leaves out ignored parameters and downloads', () => {
    expect(key('w=100&foo=hi&dl=x.jpg')).toBe(key('w=100'));
  });

  it('makes defaults explicit', () => {
    expect(key('w=100&fit=clip&q=75&dpr=1&rot=0')).toBe(key('w=100'));
  });

  it('does not depend on the order properties were built in', () => {
    const reversed = (value: unknown): unknown =>
      value === null || typeof value !== 'object' || Array.isArray(value)
        ? value
        : Object.fromEntries(
            Object.entries(value)
              .reverse()
              .map(([k, v]) => [k, reversed(v)]),
          );
    const plan = transform('w=5&fit=crop&crop=focalpoint&bg=red&pad=2');
    const { transforms, download, ignored, varyAccept, cacheKey, ...ops } = plan;
    expect(cacheKeyOf(reversed(ops) as TransformOps)).toBe(cacheKey);
    expect(JSON.stringify(reversed(ops))).not.toBe(JSON.stringify(ops));
    expect([transforms, download, ignored, varyAccept]).toEqual([true, null, [], false]);
  });

  it('differs whenever the output would', () => {
    const keys = [
      'w=100',
      'w=101',
      'h=100',
      'w=0.5',
      'w=100&fit=crop',
      'w=100&q=74',
      'w=100&fm=webp',
      'w=100&dpr=2',
      'w=100&flip=h',
      'w=100&rot=90',
      'w=100&bg=000',
      'w=100&blur=1',
      'w=100&auto=compress',
    ].map((query) => key(query));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
