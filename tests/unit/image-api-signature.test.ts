import ImgixClient from '@imgix/js-core';
import { describe, expect, it } from 'vitest';
import { KuraError } from '@/lib/errors';
import { ignoredHeader } from '@/lib/image-api/ignored-header';
import { signUrl, verifySignature } from '@/lib/image-api/signature';

const TOKEN = 'kura-signing-token-0123';
const PATH = '/assets/svc/0123456789abcdef0123456789abcdef/photo.jpg';
const client = new ImgixClient({ domain: 'kura.example', secureURLToken: TOKEN });

/** The path and query of a URL, as a request line carries them. */
const requestTarget = (url: string) => url.slice(url.indexOf('/', 'https://'.length));

const status = (fn: () => void) => {
  try {
    fn();
    return 200;
  } catch (err) {
    return (err as KuraError).status;
  }
};

describe('imgix signatures', () => {
  it('accepts URLs @imgix/js-core signs, with its ixlib parameter and without', () => {
    expect(
      status(() => verifySignature(requestTarget(client.buildURL(PATH, { w: 300, fit: 'crop', h: 200 })), TOKEN)),
    ).toBe(200);
    const bare = new ImgixClient({ domain: 'kura.example', secureURLToken: TOKEN, includeLibraryParam: false });
    expect(status(() => verifySignature(requestTarget(bare.buildURL(PATH, { txt64: 'hé llo', w: 10 })), TOKEN))).toBe(
      200,
    );
    expect(status(() => verifySignature(requestTarget(bare.buildURL(PATH, {})), TOKEN))).toBe(200);
  });

  it('refuses unsigned, tampered and wrong-token URLs with 403', () => {
    const signed = requestTarget(client.buildURL(PATH, { w: 300 }));
    expect(status(() => verifySignature(`${PATH}?w=300`, TOKEN))).toBe(403);
    expect(status(() => verifySignature(signed.replace('w=300', 'w=301'), TOKEN))).toBe(403);
    expect(status(() => verifySignature(signed.replace('photo', 'other'), TOKEN))).toBe(403);
    expect(status(() => verifySignature(signed, 'another-token-4567'))).toBe(403);
    expect(status(() => verifySignature(`${signed}&s=${'0'.repeat(32)}`, TOKEN))).toBe(403);
  });

  it('signs as @imgix/js-core does', () => {
    const bare = new ImgixClient({ domain: 'kura.example', secureURLToken: TOKEN, includeLibraryParam: false });
    const mine = signUrl(`https://kura.example${PATH}?v=abc&w=300`, TOKEN);
    expect(mine).toBe(bare.buildURL(PATH, { v: 'abc', w: 300 }));
  });
});

describe('Kura-Ignored-Params', () => {
  it('keeps ASCII names and percent-encodes the rest, so any name makes a valid header', () => {
    expect(ignoredHeader(['txt', '☃', 'a\r\nb', 'x,y', 'auto=enhance'])).toBe(
      'txt,%E2%98%83,a%0D%0Ab,x%2Cy,auto=enhance',
    );
  });

  it('stops at 1 KiB', () => {
    const header = ignoredHeader(Array.from({ length: 500 }, (_, i) => `name${i}`));
    expect(header.length).toBeLessThanOrEqual(1024 + 4);
    expect(header.endsWith(',...')).toBe(true);
  });
});
