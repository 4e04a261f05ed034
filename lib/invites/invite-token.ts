import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

/** A new invite link's secret: shown once, in the link; only its hash is stored. */
export const newInviteToken = () => randomBytes(32).toString('base64url');

export const hashInviteToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
