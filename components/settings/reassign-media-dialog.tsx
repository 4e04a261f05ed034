'use client';

import { bulkEditMediaAction } from '@/app/(admin)/media/actions';
import { BulkCreatorDialog } from '@/components/media/library/bulk-dialogs';
import type { MemberChoice } from '@/lib/members/list-members';
import { useActionForm } from '@/components/ui/use-action-form';

type Props = { ids: string[]; members: MemberChoice[]; onCancel: () => void; onDone: (message: string) => void };

/** After a removal: the removed member's media get another member as creator (the library's bulk change). */
export function ReassignMediaDialog({ ids, members, onCancel, onDone }: Props) {
  const form = useActionForm(bulkEditMediaAction, ['creatorId'], (outcomes) => {
    const changed = outcomes.filter((o) => o.changed).length;
    const left = outcomes.length - changed;
    onDone(`Gave ${changed} media a new creator.${left > 0 ? ` ${left} were no longer there.` : ''}`);
  });
  return (
    <BulkCreatorDialog
      count={ids.length}
      form={form}
      members={members}
      onCancel={onCancel}
      onSave={(creatorId) => form.submit({ ids, creatorId })}
    />
  );
}
