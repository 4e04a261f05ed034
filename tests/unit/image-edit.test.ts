import { beforeAll, describe, expect, it } from 'vitest';
import { namesCrop, parseImageParams } from '@/lib/image-api/parse-params';
import type { TransformPlan } from '@/lib/image-api/plan';
import { renderImage } from '@/lib/image-api/render';
import { editedSize, focalInEdited, withStoredEdit, type ImageEdit } from '@/lib/image-api/stored-edit';
import { colourAt, grid, spots } from '../support/images';

const LIMIT = { maxInputPixels: 50_000_000, maxOutputPixels: 8192 * 8192 };
const SOURCE = { width: 400, height: 200 };
const NONE: ImageEdit = { focalPoint: null, crop: null, rotate: 0, flip: 'none' };

function plan(query: string): TransformPlan {
  const parsed = parseImageParams(new URLSearchParams(query));
  if (!parsed.transforms) throw new Error(`expected "${query}" to transform`);
  return parsed;
}

describe('the focal point in the edited frame', () => {
  const at = (edit: Partial<ImageEdit>, x = 0.25, y = 0.75) => focalInEdited({ x, y }, { ...NONE, ...edit }, SOURCE);

  it('stays where it is without a crop, turn or flip', () => expect(at({})).toEqual({ x: 0.25, y: 0.75 }));
  it('turns with the image', () => {
    expect(at({ rotate: 90 })).toEqual({ x: 0.25, y: 0.25 });
    expect(at({ rotate: 180 })).toEqual({ x: 0.75, y: 0.25 });
    expect(at({ rotate: 270 })).toEqual({ x: 0.75, y: 0.75 });
  });
  it('mirrors with a flip, after the turn', () => {
    expect(at({ flip: 'h' })).toEqual({ x: 0.75, y: 0.75 });
    expect(at({ flip: 'v' })).toEqual({ x: 0.25, y: 0.25 });
    expect(at({ flip: 'hv' })).toEqual({ x: 0.75, y: 0.25 });
    expect(at({ rotate: 90, flip: 'h' })).toEqual({ x: 0.75, y: 0.25 });
  });
  it('is measured inside the crop, and held at its edge when outside', () => {
    // (100, 150) of the original, in the crop 50,100 200×100 → (50, 50) of 200×100.
    expect(at({ crop: { x: 50, y: 100, w: 200, h: 100 } })).toEqual({ x: 0.25, y: 0.5 });
    expect(at({ crop: { x: 200, y: 0, w: 200, h: 100 } })).toEqual({ x: 0, y: 1 });
  });
  it('gives the edited size: the crop, then turned', () => {
    expect(editedSize(SOURCE, { crop: { x: 0, y: 0, w: 160, h: 90 }, rotate: 90 })).toEqual({ width: 90, height: 160 });
    expect(editedSize(SOURCE, { crop: { x: 300, y: 0, w: 200, h: 90 }, rotate: 0 })).toEqual({
      width: 100,
      height: 90,
    });
    expect(editedSize(SOURCE, { crop: null, rotate: 270 })).toEqual({ width: 200, height: 400 });
  });
});

describe('a plan with the stored edit', () => {
  const focal: ImageEdit = { ...NONE, focalPoint: { x: 0.8, y: 0.2 } };

  it('uses the focal point for fit=crop only when the query names no cut of its own', () => {
    const search = (q: string) => new URLSearchParams(q);
    for (const q of ['w=400&h=400&fit=crop', 'w=100&h=100&fit=crop&rot=90']) {
      expect(withStoredEdit(plan(q), focal, namesCrop(search(q))).edit?.focal).toEqual({ x: 0.8, y: 0.2 });
    }
    for (const q of [
      'w=400&h=400&fit=crop&crop=top',
      'w=9&h=9&fit=crop&crop=focalpoint&fp-x=0.1',
      'w=9&h=9&fit=facearea',
    ]) {
      expect(namesCrop(search(q))).toBe(true);
      expect(withStoredEdit(plan(q), focal, namesCrop(search(q)))).toEqual(plan(q));
    }
    expect(namesCrop(search('w=9&fp-y64=MC4y'))).toBe(true);
    // A focal point alone does nothing to a fit that does not cut.
    expect(withStoredEdit(plan('w=400'), focal, false)).toEqual(plan('w=400'));
  });

  it('keys every variant by the edit, and leaves a plan without one as it was', () => {
    const crop: ImageEdit = { ...NONE, crop: { x: 0, y: 0, w: 160, h: 90 } };
    const base = plan('w=400');
    expect(withStoredEdit(base, null, false)).toBe(base);
    expect(withStoredEdit(base, NONE, false)).toBe(base);
    const a = withStoredEdit(base, crop, false);
    const b = withStoredEdit(base, { ...crop, rotate: 90 }, false);
    expect(new Set([base.cacheKey, a.cacheKey, b.cacheKey]).size).toBe(3);
  });
});

describe('rendering the stored edit', () => {
  let source: Buffer;
  beforeAll(async () => {
    // 400×200: four 100 px cells a row, two rows.
    source = await grid(100, [
      ['red', 'lime', 'blue', 'yellow'],
      ['cyan', 'magenta', 'grey', 'orange'],
    ]);
  });
  const render = (query: string, edit: ImageEdit, names = false) =>
    renderImage(source, withStoredEdit(plan(query), edit, names), LIMIT);

  it('crops, then turns, then flips the source before the query', async () => {
    const crop = { x: 100, y: 0, w: 200, h: 200 }; // lime, blue over magenta, grey
    const out = (await render('fm=png&w=200', { ...NONE, crop, rotate: 90 })).data;
    expect(
      await Promise.all([
        colourAt(out, 50, 50),
        colourAt(out, 150, 50),
        colourAt(out, 50, 150),
        colourAt(out, 150, 150),
      ]),
    ).toEqual(['magenta', 'lime', 'grey', 'blue']);
    const flipped = (await render('fm=png&w=200', { ...NONE, crop, rotate: 90, flip: 'h' })).data;
    expect(await Promise.all([colourAt(flipped, 50, 50), colourAt(flipped, 150, 50)])).toEqual(['lime', 'magenta']);
  });

  it('keeps the focal point at the centre of fit=crop, through the turn; a named crop wins', async () => {
    // 400×200 grey, a yellow square at (125, 100): a 1:1 cut can slide along x and centre on it.
    const target = await spots(400, 200, [{ x: 125, y: 100, size: 30, colour: 'yellow' }]);
    const focus = (query: string, edit: ImageEdit, names = false) =>
      renderImage(target, withStoredEdit(plan(query), edit, names), LIMIT);
    const yellow = { x: 0.3125, y: 0.5 };
    expect(await colourAt((await focus('w=50&h=50&fit=crop&fm=png', NONE)).data, 25, 25)).toBe('grey');
    for (const edit of [
      { ...NONE, focalPoint: yellow },
      { ...NONE, focalPoint: yellow, rotate: 90 as const },
      { ...NONE, focalPoint: yellow, rotate: 270 as const, flip: 'v' as const },
    ]) {
      const out = await focus('w=50&h=50&fit=crop&fm=png', edit);
      expect([out.width, out.height]).toEqual([50, 50]);
      expect(await colourAt(out.data, 25, 25)).toBe('yellow');
    }
    const named = await focus('w=50&h=50&fit=crop&crop=right&fm=png', { ...NONE, focalPoint: yellow }, true);
    expect(await colourAt(named.data, 25, 25)).toBe('grey');
  });
});
