import { randomBytes } from 'node:crypto';

/** 32 lowercase hex characters of randomness: media ids, member ids, role ids. */
export const newId = () => randomBytes(16).toString('hex');

/** A service id: 12 characters of [a-z0-9], short enough to type when confirming "delete all". */
export function newServiceId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(12), (b) => alphabet[b % 36]).join('');
}
