import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { retryDelay, RETRY_FOR_MS } from '@/lib/events/retry';
import { signature } from '@/lib/events/sign';

describe('retryDelay', () => {
  it('brings the first retry 2.5–5 s after the failure (SPEC: within 10 s)', () => {
    expect(retryDelay(1, 0)).toBe(2500);
    expect(retryDelay(1, 1)).toBe(5000);
  });
  it('doubles, with half of each wait random', () => {
    expect([2, 3, 4].map((n) => [retryDelay(n, 0), retryDelay(n, 1)])).toEqual([
      [5000, 10000],
      [10000, 20000],
      [20000, 40000],
    ]);
  });
  it('never waits more than an hour, so a 24 h window holds many attempts', () => {
    expect(retryDelay(30, 1)).toBe(3_600_000);
    let elapsed = 0;
    let attempts = 1;
    while (elapsed < RETRY_FOR_MS) elapsed += retryDelay(attempts++, 1);
    expect(attempts).toBeGreaterThan(30);
  });
});

describe('signature', () => {
  it('is sha256= and the hex HMAC-SHA256 of the raw body', () => {
    const body = '{"service":"abc","type":"new","old":null,"new":{"url":"u","width":1,"height":1}}';
    expect(signature('secret-secret-secret', body)).toBe(
      `sha256=${createHmac('sha256', 'secret-secret-secret').update(body).digest('hex')}`,
    );
    // A known vector (RFC 4231 test case 2), so the encoding is pinned, not just compared with itself.
    expect(signature('Jefe', 'what do ya want for nothing?')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});
