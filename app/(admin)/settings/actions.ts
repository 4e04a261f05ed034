'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { apiKeyId, createApiKeyInput, updateApiKeyInput } from '@/lib/api-keys/schemas';
import { updateApiKey } from '@/lib/api-keys/update-api-key';
import { authedAction } from '@/lib/auth/authed-action';
import { createInvite } from '@/lib/invites/create-invite';
import { revokeInvite } from '@/lib/invites/revoke-invite';
import { createInviteInput, inviteId } from '@/lib/invites/schemas';
import { addMember } from '@/lib/members/add-member';
import { changeOwnPassword } from '@/lib/members/change-password';
import { removeMember } from '@/lib/members/remove-member';
import { addMemberInput, changePasswordInput, memberId, updateMemberInput } from '@/lib/members/schemas';
import { updateMember } from '@/lib/members/update-member';
import { createRole } from '@/lib/roles/create-role';
import { deleteRole } from '@/lib/roles/delete-role';
import { createRoleInput, roleId, updateRoleInput } from '@/lib/roles/schemas';
import { updateRole } from '@/lib/roles/update-role';
import { endMemberSessions } from '@/lib/sessions/end-member-sessions';
import { endOtherSessions } from '@/lib/sessions/end-other-sessions';

// Members and roles change what the library shows (creators, read scopes), so its pages revalidate too.
const changed = () => {
  revalidatePath('/settings', 'layout');
  revalidatePath('/media', 'layout');
};

/** Add member (Administrators). */
export const addMemberAction = authedAction(addMemberInput, async (input, actor) => {
  const added = await addMember(actor, input);
  changed();
  return added;
});

/** Invite member: a link to copy, through which the member sets their own password (Administrators). */
export const createInviteAction = authedAction(createInviteInput, async (input, actor) => {
  const created = await createInvite(actor, input);
  revalidatePath('/settings/members');
  return created;
});

/** Revoke an invite link nobody has used yet (Administrators). */
export const revokeInviteAction = authedAction(z.object({ id: inviteId }), async ({ id }, actor) => {
  const revoked = await revokeInvite(actor, id);
  revalidatePath('/settings/members');
  return revoked;
});

/** Change a member's name and roles (Administrators). */
export const updateMemberAction = authedAction(updateMemberInput, async (input, actor) => {
  const updated = await updateMember(actor, input);
  changed();
  return updated;
});

/** Remove a member; their media stay, without a creator (Administrators). */
export const removeMemberAction = authedAction(z.object({ id: memberId }), async ({ id }, actor) => {
  const removed = await removeMember(actor, id);
  changed();
  return removed;
});

/** Change one's own password. */
export const changePasswordAction = authedAction(changePasswordInput, (input, actor) =>
  changeOwnPassword(actor, input),
);

/** Members → End sessions: every login of that member ends (Administrators). */
export const endMemberSessionsAction = authedAction(
  z.object({ id: memberId }),
  async ({ id }, actor) => await endMemberSessions(actor, id),
);

/** Account → Log out other sessions: every login of the member but this one ends. */
export const endOtherSessionsAction = authedAction(
  z.object({}).strict(),
  async (_input, actor) => await endOtherSessions(actor),
);

/** New role (Administrators). */
export const createRoleAction = authedAction(createRoleInput, async (input, actor) => {
  const created = await createRole(actor, input);
  changed();
  return created;
});

/** Change a role's name and permissions (Administrators). */
export const updateRoleAction = authedAction(updateRoleInput, async (input, actor) => {
  const updated = await updateRole(actor, input);
  changed();
  return updated;
});

/** Delete a role no member holds (Administrators). */
export const deleteRoleAction = authedAction(z.object({ id: roleId }), async ({ id }, actor) => {
  const deleted = await deleteRole(actor, id);
  changed();
  return deleted;
});

/** New API key; the answer is the only time the key itself is shown (Administrators). */
export const createApiKeyAction = authedAction(createApiKeyInput, async (input, actor) => {
  const created = await createApiKey(actor, input);
  revalidatePath('/settings/api-keys');
  return created;
});

/** Change an API key's name and permissions (Administrators). */
export const updateApiKeyAction = authedAction(updateApiKeyInput, async (input, actor) => {
  const updated = await updateApiKey(actor, input);
  revalidatePath('/settings/api-keys');
  return updated;
});

/** Revoke an API key: the next request with it gets 401 (Administrators). */
export const revokeApiKeyAction = authedAction(z.object({ id: apiKeyId }), async ({ id }, actor) => {
  const revoked = await revokeApiKey(actor, id);
  revalidatePath('/settings/api-keys');
  return revoked;
});
