import type { APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { E2E } from './env';

export type MediaRecord = {
  id: string;
  url: string;
  versionedUrl: string;
  fileName: string;
  kind: 'image' | 'file';
  mimeType: string;
  size: number;
  width: number | null;
  height: number | null;
};

export const keyHeader = { 'X-MICROCMS-API-KEY': E2E.apiKey };

/** A real PNG of the given size, with a unique colour so its bytes (and hash) are its own. */
export function png(width: number, height: number, seed = Math.floor(Math.random() * 0xffffff)): Promise<Buffer> {
  const background = `#${seed.toString(16).padStart(6, '0')}`;
  return sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
}

/** A unique file name for a test, so parallel tests never see each other's media. */
export const uniqueName = (stem: string, ext: string) =>
  `${stem}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.${ext}`;

export async function uploadViaApi(
  request: APIRequestContext,
  name: string,
  buffer: Buffer,
  mimeType = 'application/octet-stream',
) {
  const res = await request.post('/api/v1/media', {
    headers: keyHeader,
    multipart: { file: { name, mimeType, buffer } },
  });
  return { res, body: (await res.json()) as MediaRecord & { message?: string } };
}

/** The path of a delivery URL, for the request fixture (which has the test server as its base). */
export const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};
