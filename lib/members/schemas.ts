import { z } from 'zod';
import { emailAddress } from '@/lib/auth/email';

export const PASSWORD_MIN_LENGTH = 12;

/** A password a member sets: never empty, at least 12 characters (length is what makes a password strong). */
export const newPassword = z
  .string()
  .min(1, 'enter a password')
  .min(PASSWORD_MIN_LENGTH, `use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256, 'use at most 256 characters')
  .refine((p) => p.trim().length > 0, 'use more than spaces');

export const memberId = z.string().min(1).max(64);

// describeError puts the field name in front of these.
const memberName = z.string().trim().min(1, 'give the member a name').max(100, 'use at most 100 characters');
const roleIds = z.array(z.string().min(1).max(64)).min(1, 'choose at least one role').max(100);

/** The Add member form: email (case-insensitive, as at login), name, initial password and roles. */
export const addMemberInput = z
  .object({ email: emailAddress, name: memberName, password: newPassword, roleIds })
  .strict();

/** The Edit member form: name and roles (the email is how they log in and stays). */
export const updateMemberInput = z.object({ id: memberId, name: memberName, roleIds }).strict();

/** A member's own password change: the current password proves it is them. */
export const changePasswordInput = z
  .object({ currentPassword: z.string().min(1, 'enter your current password'), newPassword })
  .strict();
