'use server';

import { publicAction } from '@/lib/auth/authed-action';
import { acceptInvite } from '@/lib/invites/accept-invite';
import { acceptInviteInput } from '@/lib/invites/schemas';

/** An invite link's form: the new member sets their name and password; the token is the permission. */
export const acceptInviteAction = publicAction(acceptInviteInput, async (input) => {
  // Only the id: whoever holds the link knows the email already, and answers never carry one needlessly.
  const { id } = await acceptInvite(input);
  return { id };
});
