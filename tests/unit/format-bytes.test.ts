import { expect, it } from 'vitest';
import { formatBytes } from '@/lib/media/format-bytes';

it('formats sizes in binary units', () => {
  expect(formatBytes(0)).toBe('0 bytes');
  expect(formatBytes(1)).toBe('1 byte');
  expect(formatBytes(1536)).toBe('1.5 KB');
  expect(formatBytes(1024 ** 3)).toBe('1 GB');
  expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
});
