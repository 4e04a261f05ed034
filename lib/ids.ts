import { randomBytes } from 'node:crypto';

/** 32 lowercase hex characters of randomness: media ids, member ids, role ids. */
export const newId = () => randomBytes(16).toString('hex');

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
const alphanumeric = (length: number) => Array.from(randomBytes(length), (b) => ALPHANUMERIC[b % 36]).join('');

/** A service id: 12 characters of [a-z0-9], short enough to type when confirming "delete all". */
export const newServiceId = () => alphanumeric(12);

/** A content id, microCMS-like: 12 characters of [a-z0-9]. */
export const newContentId = () => alphanumeric(12);
