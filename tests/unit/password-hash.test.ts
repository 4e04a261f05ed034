import { hash, parseOptions, verify } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { ARGON2_OPTIONS, checkPassword, DUMMY_HASH } from '@/lib/auth/password-hash';

/** The real Argon2 verification, noting which hash it was given. */
function recordingVerify() {
  const hashes: string[] = [];
  const fn = async (h: string, password: string) => {
    hashes.push(h);
    return verify(h, password);
  };
  return { fn, hashes };
}

describe('password checks', () => {
  it('pins Argon2id at OWASP minimum or above', () => {
    expect(ARGON2_OPTIONS).toMatchObject({ algorithm: 2, parallelism: 1 });
    expect(ARGON2_OPTIONS.memoryCost).toBeGreaterThanOrEqual(19456);
    expect(ARGON2_OPTIONS.timeCost).toBeGreaterThanOrEqual(2);
  });

  it('an unknown email runs the same verification as a known one, against the dummy hash', async () => {
    const known = { passwordHash: await hash('the right password', ARGON2_OPTIONS) };
    const forKnown = recordingVerify();
    const forUnknown = recordingVerify();
    expect(await checkPassword(known, 'a wrong password', forKnown.fn)).toBe(false);
    expect(await checkPassword(undefined, 'a wrong password', forUnknown.fn)).toBe(false);
    expect(forKnown.hashes).toEqual([known.passwordHash]);
    expect(forUnknown.hashes).toEqual([DUMMY_HASH]);
    // Same algorithm and cost, so the same work.
    const { outputLen, saltLen, ...cost } = parseOptions(DUMMY_HASH);
    const { outputLen: o2, saltLen: s2, ...knownCost } = parseOptions(known.passwordHash);
    expect(cost).toEqual(knownCost);
    expect([outputLen, saltLen]).toEqual([o2, s2]);
  });

  it('the right password of a known member passes; nothing passes for an unknown one', async () => {
    const known = { passwordHash: await hash('the right password', ARGON2_OPTIONS) };
    expect(await checkPassword(known, 'the right password', recordingVerify().fn)).toBe(true);
    expect(await checkPassword(undefined, 'the right password', recordingVerify().fn)).toBe(false);
  });

  it('hashes made with older, weaker parameters still verify', async () => {
    const old = await hash('an old password', { memoryCost: 4096, timeCost: 3, parallelism: 1 });
    expect(await checkPassword({ passwordHash: old }, 'an old password', recordingVerify().fn)).toBe(true);
  });
});
