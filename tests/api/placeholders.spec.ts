import crypto from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { keyHeader, uniqueName, uploadViaApi } from '../support/media';

// Records carry what a site needs to lay out before an image loads: a blurhash, the dominant colour and whether the
// image has transparent pixels (computed at upload, docs/trash-and-versions.md).
type Placeholders = { id: string; blurhash?: string; dominantColor?: string; hasAlpha?: boolean };

const upload = async (request: APIRequestContext, bytes: Buffer, ext: string, mimeType: string) => {
  const { res, body } = await uploadViaApi(request, uniqueName('placeholder', ext), bytes, mimeType);
  expect(res.status(), body.message).toBe(201);
  // The record as a site reads it later, not only the upload's answer.
  const read = await request.get(`/api/v1/media/${body.id}`, { headers: keyHeader });
  expect(read.status()).toBe(200);
  return (await read.json()) as Placeholders;
};
const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

test('an opaque image: a blurhash, its dominant colour and no alpha', async ({ request }) => {
  const red = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#e01010' } })
    .png()
    .toBuffer();
  const record = await upload(request, red, 'png', 'image/png');
  expect(record.blurhash).toMatch(/^[0-9A-Za-z#$%*+,.:;=?@[\]^_{|}~-]{10,}$/);
  expect(record.dominantColor).toMatch(/^#[0-9a-f]{6}$/);
  const [r, g, b] = channels(record.dominantColor!);
  expect(r).toBeGreaterThan(180);
  expect(g).toBeLessThan(60);
  expect(b).toBeLessThan(60);
  expect(record.hasAlpha).toBe(false);
});

test('a transparent image says so', async ({ request }) => {
  const clear = await sharp({
    create: { width: 32, height: 32, channels: 4, background: { r: 0, g: 90, b: 200, alpha: 0.3 } },
  })
    .png()
    .toBuffer();
  const record = await upload(request, clear, 'png', 'image/png');
  expect(record.hasAlpha).toBe(true);
  expect(record.blurhash).toBeTruthy();
});

test('an image larger than the part Kura reads first gets placeholders too (read back from storage)', async ({
  request,
}) => {
  // Random pixels stored uncompressed: about 1.4 MB, over the 1 MiB a type sniff reads.
  const noise = await sharp(crypto.randomBytes(800 * 600 * 3), { raw: { width: 800, height: 600, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  expect(noise.length).toBeGreaterThan(1024 * 1024);
  const record = await upload(request, noise, 'png', 'image/png');
  expect(record.blurhash).toBeTruthy();
  expect(record.dominantColor).toMatch(/^#[0-9a-f]{6}$/);
  expect(record.hasAlpha).toBe(false);
});

test('a file that is not an image has none', async ({ request }) => {
  const record = await upload(request, Buffer.from('plain words\n'), 'txt', 'text/plain');
  expect(record).not.toHaveProperty('blurhash');
  expect(record).not.toHaveProperty('dominantColor');
  expect(record).not.toHaveProperty('hasAlpha');
});
