import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseImageParams } from '@/lib/image-api/parse-params';
import type { TransformPlan } from '@/lib/image-api/plan';
import { applyEffects, pipelinedEffects, settle } from '@/lib/image-api/render-effects';
import { geometryOf } from '@/lib/image-api/render-geometry';

const LIMIT = 8192 * 8192;

/** A 400×300 image, red with a blue top-right quarter, so turns and flips can be told apart. */
const source = async () => {
  const blue = await sharp({ create: { width: 200, height: 150, channels: 3, background: '#0000ff' } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 400, height: 300, channels: 3, background: '#ff0000' } })
    .composite([{ input: blue, left: 200, top: 0 }])
    .png()
    .toBuffer();
};

function plan(query: string): TransformPlan {
  const parsed = parseImageParams(new URLSearchParams(query), {});
  if (!parsed.transforms) throw new Error(`expected "${query}" to transform`);
  return parsed;
}

async function bothWays(query: string) {
  const wanted = plan(query);
  const geometry = geometryOf(wanted.resize, wanted.crop, { width: 400, height: 300 });
  const sized = async () => sharp(await source()).resize({ ...geometry.resize!, fit: 'fill' });
  const pipelined = pipelinedEffects(await sized(), wanted, geometry);
  expect(pipelined, query).not.toBeNull();
  const stepwise = await applyEffects(await settle(await sized(), LIMIT), wanted, LIMIT);
  const raw = (image: Sharp) => image.raw().toBuffer({ resolveWithObject: true });
  return { pipelined: await raw(pipelined!), stepwise: await raw(stepwise) };
}

describe('effects joined to the sizing pipeline', () => {
  it.each([
    'w=500&h=200&fit=scale&rot=90&pad=3&border=2,f00',
    'w=300&h=200&fit=scale&rot=270&pad=10&pad-top=1&border=5,00ff00',
    'w=300&h=200&fit=scale&rot=180&flip=h&pad=7&border=4,000',
    'w=300&h=200&fit=scale&flip=v&border=3,00f',
    'w=300&h=200&fit=scale&pad=10&bg=fff&border=5,00f',
  ])('%s gives the same pixels as one pass per step', async (query) => {
    const { pipelined, stepwise } = await bothWays(query);
    const shape = ({ info }: typeof stepwise) => [info.width, info.height, info.channels];
    expect(shape(pipelined)).toEqual(shape(stepwise));
    expect(pipelined.data.equals(stepwise.data)).toBe(true);
  });

  it('leaves a free angle, blur and a translucent border to the step-by-step path', () => {
    for (const query of ['w=10&rot=45', 'w=10&blur=20', 'w=10&border=2,80ff0000']) {
      const p = plan(query);
      const geometry = geometryOf(p.resize, p.crop, { width: 400, height: 300 });
      expect(pipelinedEffects(sharp(), p, geometry), query).toBeNull();
    }
  });
});
