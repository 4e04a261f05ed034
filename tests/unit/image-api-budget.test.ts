import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { KuraError } from '@/lib/errors';
import { outputSizeOf, rotatedSize } from '@/lib/image-api/output-budget';
import { parseImageParams } from '@/lib/image-api/parse-params';
import type { TransformPlan } from '@/lib/image-api/plan';
import { renderImage } from '@/lib/image-api/render';

const BUDGET = { maxPixels: 8192 * 8192 };

function plan(query: string): TransformPlan {
  const parsed = parseImageParams(new URLSearchParams(query));
  if (!parsed.transforms) throw new Error(`expected "${query}" to transform`);
  return parsed;
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a refusal');
};

/** A 40-frame GIF of random pixels (so the encoder cannot merge frames). */
async function animation(frames: number): Promise<Buffer> {
  const raw = randomBytes(32 * 24 * 3 * frames);
  return sharp(raw, { raw: { width: 32, height: 24 * frames, channels: 3, pageHeight: 24 } })
    .gif()
    .toBuffer();
}

describe('the output budget, from the plan alone', () => {
  const source = { width: 640, height: 480 };
  it.each([
    ['w=8192&h=8192&fit=scale&pad=8192', '"pad"', /24576×24576.*8192 pixels a side/],
    ['w=8192&h=8192&fit=scale&pad=4000&fm=png', '"pad"', /16192×16192/],
    ['w=8192&h=8192&fit=fill&border=8000,ff0000', '"border"', /24192×24192/],
    ['w=8000&h=8000&fit=scale&rot=45&pad=3000', '"rot"', /11314×11314/],
    ['w=8192&h=8192&fit=scale&border=1,000', '"border"', /8194×8194/],
  ])('%s is refused with 400 naming %s and the limit', (query, param, size) => {
    const err = refusal(() => outputSizeOf(plan(query), source, 1, BUDGET));
    expect(err).toBeInstanceOf(KuraError);
    expect((err as KuraError).status).toBe(400);
    expect((err as KuraError).message).toContain(param);
    expect((err as KuraError).message).toMatch(size);
  });

  it('counts frames against KURA_MAX_OUTPUT_PIXELS', () => {
    const err = refusal(() =>
      outputSizeOf(plan('w=8192&h=8192&fit=scale&fm=gif'), { width: 32, height: 24 }, 40, BUDGET),
    );
    expect((err as KuraError).status).toBe(400);
    expect((err as KuraError).message).toMatch(
      /"w\/h".*8192×8192 pixels × 40 frames.*limit is 67108864 pixels \(KURA_MAX_OUTPUT_PIXELS\)/,
    );
  });

  it('a lower KURA_MAX_OUTPUT_PIXELS is named with its value', () => {
    const err = refusal(() => outputSizeOf(plan('w=2000&h=2000&fit=scale'), source, 1, { maxPixels: 1_000_000 }));
    expect((err as KuraError).message).toMatch(/limit is 1000000 pixels/);
  });

  it('allows exactly the limit: 8192×8192, and 8190 + 1 px of border a side', () => {
    expect(outputSizeOf(plan('w=8192&h=8192&fit=scale'), source, 1, BUDGET)).toEqual({ width: 8192, height: 8192 });
    expect(outputSizeOf(plan('w=8190&h=8190&fit=scale&border=1,000'), source, 1, BUDGET)).toEqual({
      width: 8192,
      height: 8192,
    });
  });

  it('rotation grows the canvas as sharp does', () => {
    expect(rotatedSize({ width: 333, height: 77 }, 10)).toEqual({ width: 341, height: 134 });
    expect(rotatedSize({ width: 640, height: 480 }, 90)).toEqual({ width: 480, height: 640 });
    expect(rotatedSize({ width: 101, height: 37 }, 123.5)).toEqual({ width: 87, height: 105 });
  });
});

describe('renderImage applies the budget before decoding', () => {
  let photo: Buffer;
  let gif: Buffer;
  beforeAll(async () => {
    photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    gif = await animation(40);
  });

  it.each(['w=8192&h=8192&fit=scale&pad=8192', 'w=8000&h=8000&fit=scale&rot=45&pad=3000'])(
    '%s: 400, and no pixel work starts',
    async (query) => {
      let pixelWork = 0;
      const opts = { maxInputPixels: 50e6, maxOutputPixels: BUDGET.maxPixels, onPixelWork: () => pixelWork++ };
      const err = await renderImage(photo, plan(query), opts).catch((e: unknown) => e);
      expect((err as KuraError).status).toBe(400);
      expect(pixelWork).toBe(0);
    },
  );

  it('a 40-frame GIF at 8192 px is refused before decoding; a small animated output of it renders', async () => {
    let pixelWork = 0;
    const opts = { maxInputPixels: 50e6, maxOutputPixels: BUDGET.maxPixels, onPixelWork: () => pixelWork++ };
    expect((await sharp(gif).metadata()).pages).toBe(40);
    const err = await renderImage(gif, plan('w=8192&h=8192&fit=scale&fm=gif'), opts).catch((e: unknown) => e);
    expect((err as KuraError).message).toMatch(/40 frames/);
    expect(pixelWork).toBe(0);
    const small = await renderImage(gif, plan('w=64&h=48&fit=scale&fm=gif'), opts);
    expect((await sharp(small.data, { animated: true }).metadata()).pages).toBe(40);
    expect(pixelWork).toBe(1);
  }, 60_000);

  it('the largest allowed output renders: 8192×8192', async () => {
    const out = await renderImage(photo, plan('w=8192&h=8192&fit=scale&fm=jpg&q=20'), {
      maxInputPixels: 50e6,
      maxOutputPixels: BUDGET.maxPixels,
    });
    expect([out.width, out.height]).toEqual([8192, 8192]);
  }, 60_000);

  it('a truncated JPEG answers 422, not an internal error', async () => {
    const cut = photo.subarray(0, Math.floor(photo.length / 2));
    const err = await renderImage(cut, plan('w=100'), {
      maxInputPixels: 50e6,
      maxOutputPixels: BUDGET.maxPixels,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KuraError);
    expect((err as KuraError).status).toBe(422);
  });
});

describe('effects that run step by step get a quarter of the budget (bench/RESULTS.md, image-api-rss)', () => {
  const source = { width: 640, height: 480 };
  it.each([
    ['w=5790&h=5790&fit=scale&rot=45&blur=20&mask=ellipse', '"blur"'],
    ['w=6000&h=6000&fit=scale&mask=ellipse', '"mask"'],
    ['w=5000&h=5000&fit=scale&rot=30', '"rot"'],
    ['w=6000&h=6000&fit=fill&pad=10', '"pad"'],
    ['w=6000&h=6000&fit=scale&bri=10&sat=5', '"bri"'],
    ['w=6000&h=6000&fit=scale&htn=10', '"htn"'],
    ['w=6000&h=6000&fit=scale&txt=Title', '"txt"'],
    ['w=6000&h=6000&fit=scale&mark=/assets/s/0123456789abcdef0123456789abcdef/a.png', '"mark"'],
  ])('%s is refused with 400 naming %s and the quarter limit', (query, param) => {
    const err = refusal(() => outputSizeOf(plan(query), source, 1, BUDGET));
    expect((err as KuraError).status).toBe(400);
    expect((err as KuraError).message).toContain(`${param} runs as a step of its own`);
    expect((err as KuraError).message).toContain('at most 16777216 pixels (a quarter of KURA_MAX_OUTPUT_PIXELS)');
  });

  it('allows a stepwise output of exactly the quarter, and the full budget when the effects pipeline', () => {
    expect(outputSizeOf(plan('w=4096&h=4096&fit=scale&blur=20'), source, 1, BUDGET)).toEqual({
      width: 4096,
      height: 4096,
    });
    expect(outputSizeOf(plan('w=8000&h=7990&fit=scale&rot=90&pad=90&border=2,ff0000'), source, 1, BUDGET)).toEqual({
      width: 8174,
      height: 8184,
    });
  });
});
