import type { Options } from '@node-rs/argon2';

/**
 * Argon2id at OWASP's minimum (m = 19 MiB, t = 2, p = 1), pinned here rather than left to the library's
 * defaults, so an upgrade cannot weaken new hashes. Hashes made with other parameters still verify:
 * the parameters are read from each hash.
 */
export const ARGON2_OPTIONS: Options = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/**
 * A hash with the same parameters as every new one, of a random password nobody knows. A login with an
 * unknown email is verified against it, so it costs the same time as a login with a known email.
 */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$CyZcTAsmdGYjdXSVV7pzbw$Nh1I3v+B0J4Dy8nUKd8PfsqgHpRebnKrIJ9buOGlUS8';

type Verify = (hash: string, password: string) => Promise<boolean>;

/**
 * Whether `password` is this member's. Always runs exactly one verification: against the member's hash,
 * or against {@link DUMMY_HASH} when there is no such member (then the answer is always false).
 */
export async function checkPassword(
  member: { passwordHash: string } | undefined,
  password: string,
  verify: Verify,
): Promise<boolean> {
  const matches = await verify(member?.passwordHash ?? DUMMY_HASH, password);
  return member !== undefined && matches;
}
