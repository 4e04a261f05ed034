import type { Metadata } from 'next';
import { MEDIA_READ_LABELS } from '@/components/settings/permission-labels';
import { OtherSessionsButton } from '@/components/settings/other-sessions-button';
import { PasswordForm } from '@/components/settings/password-form';
import { requireMemberPage } from '@/lib/auth/session';
import { getAccount } from '@/lib/members/get-account';
import { PASSWORD_MIN_LENGTH } from '@/lib/members/schemas';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const account = await getAccount(await requireMemberPage());
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section aria-labelledby="account-heading" className="rounded-lg border border-slate-200 bg-white px-5 py-4">
        <h2 id="account-heading" className="text-base font-semibold">
          Account
        </h2>
        <dl className="mt-3 space-y-2 text-sm">
          <div>
            <dt className="text-slate-500">Name</dt>
            <dd>{account.name}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Email</dt>
            <dd>{account.email}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Roles</dt>
            <dd>
              <ul className="space-y-1">
                {account.roles.map((r) => (
                  <li key={r.name}>
                    <span className="font-medium">{r.name}</span>
                    <span className="text-slate-600">
                      {r.builtin
                        ? ' — every permission'
                        : ` — media read: ${MEDIA_READ_LABELS[r.mediaRead]}${[
                            r.mediaUpload && 'upload',
                            r.mediaEdit && 'edit',
                            r.mediaDelete && 'delete',
                          ]
                            .filter(Boolean)
                            .map((x) => `, ${x}`)
                            .join('')}`}
                    </span>
                  </li>
                ))}
              </ul>
              {account.roles.length > 1 && (
                <p className="mt-1 text-xs text-slate-500">
                  With several roles, the broadest permission of each kind applies.
                </p>
              )}
            </dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="password-heading" className="rounded-lg border border-slate-200 bg-white px-5 py-4">
        <h2 id="password-heading" className="mb-3 text-base font-semibold">
          Change password
        </h2>
        <PasswordForm passwordMin={PASSWORD_MIN_LENGTH} />
      </section>
      <section aria-labelledby="sessions-heading" className="rounded-lg border border-slate-200 bg-white px-5 py-4">
        <h2 id="sessions-heading" className="mb-3 text-base font-semibold">
          Sessions
        </h2>
        <OtherSessionsButton />
      </section>
    </div>
  );
}
