import { z } from 'zod';
import { emailAddress } from '@/lib/auth/email';
import { newPassword } from '@/lib/members/schemas';

/** How long an invite link works: a week, enough for someone to find the message it came in. */
export const INVITE_DAYS = 7;

export const inviteId = z.string().min(1).max(64);

/** The link's secret: 32 random bytes, base64url (43 characters). */
export const inviteToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'this invite link is not complete: copy the whole link');

/** Invite member: who (their email, how they will log in) and which roles they get. */
export const createInviteInput = z
  .object({
    email: emailAddress,
    roleIds: z.array(z.string().min(1).max(64)).min(1, 'choose at least one role').max(100),
  })
  .strict();

/** The invite page's form: the member's own name and password. */
export const acceptInviteInput = z
  .object({
    token: inviteToken,
    name: z.string().trim().min(1, 'enter your name').max(100, 'use at most 100 characters'),
    password: newPassword,
  })
  .strict();
