'use client';

import { useState, useTransition } from 'react';
import { revokeInviteAction } from '@/app/(admin)/settings/actions';
import { LocalTime } from '@/components/media/local-time';
import type { CreatedInvite } from '@/lib/invites/create-invite';
import type { InviteRow } from '@/lib/invites/list-invites';
import { InviteDialog } from './invite-dialog';
import { InviteLinkDialog } from './invite-link-dialog';
import type { RoleChoice } from './role-checkboxes';
import { RowActions, SettingsSection } from './settings-section';

/** Settings → Members → Invite links: make a link for a new member, see the unused ones, revoke one. */
export function InvitesSection({ invites, roles }: { invites: InviteRow[]; roles: RoleChoice[] }) {
  const [inviting, setInviting] = useState(false);
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const [notice, setNotice] = useState('');
  const [, startTransition] = useTransition();

  const revoke = (invite: InviteRow) =>
    startTransition(async () => {
      const result = await revokeInviteAction({ id: invite.id });
      setNotice(result.ok ? `Revoked the invite link for ${invite.email}.` : result.error);
    });

  return (
    <SettingsSection
      title="Invite links"
      description={
        'A link you copy and send; through it the new member chooses their own password. ' +
        'Each works once, for 7 days.'
      }
      action={{ label: 'Invite member', onClick: () => setInviting(true) }}
      notice={notice}
      columns={['Email', 'Roles', 'Expires']}
      empty={invites.length === 0 ? 'No invite links waiting to be used.' : undefined}
      dialogs={
        <>
          {inviting && (
            <InviteDialog
              roles={roles}
              onCancel={() => setInviting(false)}
              onCreated={(invite) => {
                setInviting(false);
                setCreated(invite);
                setNotice(`Made an invite link for ${invite.email}.`);
              }}
            />
          )}
          {created && <InviteLinkDialog invite={created} onClose={() => setCreated(null)} />}
        </>
      }
    >
      {invites.map((invite) => (
        <tr key={invite.id} className="border-t border-slate-100">
          <td className="px-5 py-2.5 font-medium">{invite.email}</td>
          <td className="px-3 py-2.5">{invite.roles.join(', ') || '—'}</td>
          <td className="px-3 py-2.5">
            {invite.expired ? <span className="text-red-700">Expired </span> : null}
            <LocalTime iso={invite.expiresAt} />
          </td>
          <td className="px-5 py-2.5">
            <RowActions
              actions={[
                { label: 'Revoke', name: `invite for ${invite.email}`, onClick: () => revoke(invite), danger: true },
              ]}
            />
          </td>
        </tr>
      ))}
    </SettingsSection>
  );
}
