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

test('the dominant colour is the most common one, as the centre of its bin of 16 levels a channel', async ({
  request,
}) => {
  // Seven tenths blue, three tenths red: blue wins, whatever the red's brightness.
  const mostlyBlue = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#1020e0' } })
    .composite([{ input: { create: { width: 30, height: 100, channels: 3, background: '#ff2020' } }, left: 0, top: 0 }])
    .png()
    .toBuffer();
  expect((await upload(request, mostlyBlue, 'png', 'image/png')).dominantColor).toBe('#1828e8');
});

test('grey, 16-bit and CMYK images get placeholders as colour images do', async ({ request }) => {
  const grey = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#808080' } })
    .toColourspace('b-w')
    .png()
    .toBuffer();
  const deep = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#e01010' } })
    .toColourspace('rgb16')
    .png()
    .toBuffer();
  const cmyk = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#e01010' } })
    .toColourspace('cmyk')
    .jpeg()
    .toBuffer();
  expect((await sharp(grey).metadata()).channels).toBe(1);
  expect((await sharp(deep).metadata()).depth).toBe('ushort');
  expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
  const records = [
    await upload(request, grey, 'png', 'image/png'),
    await upload(request, deep, 'png', 'image/png'),
    await upload(request, cmyk, 'jpg', 'image/jpeg'),
  ];
  for (const record of records) {
    expect(record.blurhash).toMatch(/^[0-9A-Za-z#$%*+,.:;=?@[\]^_{|}~-]{10,}$/);
    expect(record.hasAlpha).toBe(false);
  }
  expect(records[0].dominantColor).toBe('#888888');
  for (const record of records.slice(1)) {
    const [r, g, b] = channels(record.dominantColor!);
    expect(r).toBeGreaterThan(180);
    expect(Math.max(g, b)).toBeLessThan(80);
  }
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
