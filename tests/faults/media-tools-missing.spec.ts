import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { keyHeader } from '../support/media';

// A machine without ffmpeg and poppler-utils: uploads of video, audio and PDF still succeed, only without the
// facts and pictures those programs give (docs/media-previews.md). The server gets a PATH where none of them is.
let server: KuraServer;

test.beforeAll(async ({}, testInfo) => {
  const emptyPath = path.join(testInfo.outputDir, 'no-tools');
  fs.mkdirSync(emptyPath, { recursive: true });
  server = new KuraServer(path.join(testInfo.outputDir, 'data'), testPort(3391), { PATH: emptyPath });
  await server.start();
});

test.afterAll(async () => {
  await server?.kill('SIGTERM');
});

for (const [file, mimeType] of [
  ['tiny.mp4', 'video/mp4'],
  ['tiny.mp3', 'audio/mpeg'],
  ['two-pages.pdf', 'application/pdf'],
] as const) {
  test(`without the preview programs, ${file} uploads with no duration, pages or preview`, async () => {
    const body = new FormData();
    const bytes = fs.readFileSync(path.join(__dirname, '../fixtures', file));
    body.append('file', new Blob([new Uint8Array(bytes)], { type: mimeType }), file);
    const res = await fetch(`${server.baseURL}/api/v1/media`, { method: 'POST', headers: keyHeader, body });
    expect(res.status).toBe(201);
    const record = (await res.json()) as Record<string, unknown>;
    expect(record).toMatchObject({ kind: 'file', mimeType, size: bytes.length });
    expect(record).not.toHaveProperty('duration');
    expect(record).not.toHaveProperty('pageCount');
    expect(record).not.toHaveProperty('hasPreview');
    const tool = mimeType === 'application/pdf' ? 'pdfinfo' : 'ffprobe';
    await expect.poll(() => server.output).toContain(`${tool} is not installed`);
  });
}
