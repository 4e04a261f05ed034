'use client';

import { removeMemberAction } from '@/app/(admin)/settings/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { MemberRow } from '@/lib/members/list-members';
import type { RemovedMember } from '@/lib/members/remove-member';
import { useActionForm } from '@/components/ui/use-action-form';

type Props = { member: MemberRow; onCancel: () => void; onRemoved: (removed: RemovedMember) => void };

/** Confirms removing a member, saying what becomes of their media and their session. */
export function RemoveMemberDialog({ member, onCancel, onRemoved }: Props) {
  const form = useActionForm(removeMemberAction, [], onRemoved);
  return (
    <ConfirmDialog
      title={`Remove ${member.email}?`}
      confirmLabel="Remove"
      pending={form.pending}
      error={form.error}
      onConfirm={() => form.submit({ id: member.id })}
      onCancel={onCancel}
    >
      <p>{`${member.name} can no longer log in; a session they have open ends at once.`}</p>
      {member.mediaCount > 0 && (
        <p className="mt-2">
          {`Their ${member.mediaCount} media stay in the library without ` +
            `a creator; you can give them to another member next.`}
        </p>
      )}
    </ConfirmDialog>
  );
}
