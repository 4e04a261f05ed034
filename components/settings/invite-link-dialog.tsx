'use client';

import { LocalTime } from '@/components/media/local-time';
import type { CreatedInvite } from '@/lib/invites/create-invite';
import { ShownOnceDialog } from './shown-once-dialog';

/** The one time an invite link is shown: to copy and send to the new member. */
export function InviteLinkDialog({ invite, onClose }: { invite: CreatedInvite; onClose: () => void }) {
  return (
    <ShownOnceDialog
      title={`Invite link for ${invite.email}`}
      label="Invite link"
      value={invite.link}
      copyLabel="Copy link"
      onClose={onClose}
      hint={
        <>
          Send it to them yourself: through it they choose their own password. It works once, until{' '}
          <LocalTime iso={invite.expiresAt} />. Copy it now: Kura keeps only a hash of it and cannot show it again.
        </>
      }
    />
  );
}
