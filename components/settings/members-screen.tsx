'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { endMemberSessionsAction } from '@/app/(admin)/settings/actions';
import type { MemberRow } from '@/lib/members/list-members';
import type { RemovedMember } from '@/lib/members/remove-member';
import { MemberDialog, type RoleChoice } from './member-dialog';
import { ReassignMediaDialog } from './reassign-media-dialog';
import { RemoveMemberDialog } from './remove-member-dialog';
import { RowActions, SettingsSection } from './settings-section';

type Props = { members: MemberRow[]; roles: RoleChoice[]; youId: string; passwordMin: number };

/**
 * Settings → Members: who can log in and with which roles; Add member, Edit, End sessions, Remove, then reassign their
 * media.
 */
export function MembersScreen({ members, roles, youId, passwordMin }: Props) {
  const [editing, setEditing] = useState<MemberRow | 'new' | null>(null);
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const [removed, setRemoved] = useState<RemovedMember | null>(null);
  const [reassigning, setReassigning] = useState(false);
  const [notice, setNotice] = useState('');
  const [, startTransition] = useTransition();
  const router = useRouter();

  const say = (message: string, gone: RemovedMember | null = null) => {
    setNotice(message);
    setRemoved(gone);
  };

  // Ending your own sessions logs you out here too: the next request goes to the login page.
  const endSessions = (m: MemberRow) =>
    startTransition(async () => {
      const result = await endMemberSessionsAction({ id: m.id });
      if (!result.ok) return say(result.error);
      say(`Ended ${result.data.ended} session${result.data.ended === 1 ? '' : 's'} of ${m.email}.`);
      if (m.id === youId) router.refresh();
    });

  return (
    <SettingsSection
      title="Members"
      description={
        `${members.length} member${members.length === 1 ? '' : 's'}. ` + `Kura always keeps at least one Administrator.`
      }
      action={{ label: 'Add member', onClick: () => setEditing('new') }}
      notice={
        notice && (
          <>
            {notice}
            {removed && removed.mediaCount > 0 && (
              <span className="ml-2 inline-flex flex-wrap items-center gap-3">
                {removed.mediaIds.length > 0 && (
                  <button
                    type="button"
                    onClick={() => setReassigning(true)}
                    className={
                      'rounded-md border border-slate-300 bg-white px-3 py-1 ' +
                      'text-xs font-medium text-slate-700 hover:bg-slate-50'
                    }
                  >
                    {`Reassign ${removed.mediaCount} media…`}
                  </button>
                )}
                <Link href="/media?creator=none" className="font-medium text-indigo-700 hover:underline">
                  Media without a creator
                </Link>
              </span>
            )}
          </>
        )
      }
      columns={['Name', 'Email', 'Roles', 'Media']}
      dialogs={
        <>
          {editing && (
            <MemberDialog
              member={editing === 'new' ? undefined : editing}
              roles={roles}
              passwordMin={passwordMin}
              onCancel={() => setEditing(null)}
              onSaved={(email) => {
                say(editing === 'new' ? `Added ${email}.` : `Saved ${email}.`);
                setEditing(null);
              }}
            />
          )}
          {removing && (
            <RemoveMemberDialog
              member={removing}
              onCancel={() => setRemoving(null)}
              onRemoved={(gone) => {
                setRemoving(null);
                say(
                  `Removed ${gone.email}.` +
                    (gone.mediaCount > 0 ? ` Their ${gone.mediaCount} media now have no creator.` : ''),
                  gone,
                );
              }}
            />
          )}
          {reassigning && removed && (
            <ReassignMediaDialog
              ids={removed.mediaIds}
              members={members}
              onCancel={() => setReassigning(false)}
              onDone={(message) => {
                setReassigning(false);
                say(message);
              }}
            />
          )}
        </>
      }
    >
      {members.map((m) => (
        <tr key={m.id} className="border-t border-slate-100">
          <th scope="row" className="px-5 py-2.5 font-medium">
            {m.name}
            {m.id === youId && (
              <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">you</span>
            )}
          </th>
          <td className="px-3 py-2.5 text-slate-700">{m.email}</td>
          <td className="px-3 py-2.5">
            <ul aria-label={`Roles of ${m.email}`} className="flex flex-wrap gap-1">
              {m.roles.map((r) => (
                <li
                  key={r.id}
                  className={
                    `rounded-full px-2 py-0.5 text-xs ` +
                    `${r.builtin ? 'bg-amber-50 text-amber-900' : 'bg-indigo-50 text-indigo-900'}`
                  }
                >
                  {r.name}
                </li>
              ))}
            </ul>
          </td>
          <td className="px-3 py-2.5">
            {m.mediaCount > 0 ? (
              <Link
                href={`/media?creator=${m.id}`}
                className="text-indigo-700 hover:underline"
              >{`${m.mediaCount} media`}</Link>
            ) : (
              <span className="text-slate-500">0 media</span>
            )}
          </td>
          <td className="px-5 py-2.5">
            <RowActions
              actions={[
                { label: 'Edit', name: m.email, onClick: () => setEditing(m) },
                { label: 'End sessions', name: m.email, onClick: () => endSessions(m) },
                ...(m.id === youId
                  ? []
                  : [{ label: 'Remove', name: m.email, onClick: () => setRemoving(m), danger: true }]),
              ]}
            />
          </td>
        </tr>
      ))}
    </SettingsSection>
  );
}
