import 'server-only';
import { hash, verify } from '@node-rs/argon2';
import { ARGON2_OPTIONS, checkPassword } from './password-hash';

/** Argon2id with Kura's pinned parameters (lib/auth/password-hash.ts). */
export const hashPassword = (password: string) => hash(password, ARGON2_OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** The member's password check, with the same Argon2 work whether or not the member exists. */
export const checkMemberPassword = (member: { passwordHash: string } | undefined, password: string) =>
  checkPassword(member, password, verifyPassword);
