import type { Metadata } from 'next';
import Link from 'next/link';
import { AcceptInviteForm } from '@/components/auth/accept-invite-form';
import { findInvite } from '@/lib/invites/find-invite';
import { PASSWORD_MIN_LENGTH } from '@/lib/members/schemas';

export const metadata: Metadata = { title: 'Join Kura', referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

const WHY: Record<'used' | 'expired' | 'unknown', string> = {
  used: 'This invite link has been used already. Log in with the email and password chosen then.',
  expired: 'This invite link has expired. Ask an Administrator for a new one.',
  unknown: 'This invite link is not valid (it may have been revoked). Ask an Administrator for a new one.',
};

/** An invite link: the new member sets their own name and password (no mail server: an Administrator sent it). */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findInvite(token);
  const refused = !invite ? 'unknown' : invite.state === 'open' ? null : invite.state;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Join Kura</h1>
        {refused || !invite ? (
          <>
            <p role="alert" className="mt-4 text-sm text-slate-700">
              {WHY[refused ?? 'unknown']}
            </p>
            <Link href="/login" className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline">
              Go to login
            </Link>
          </>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-600">You were invited to the media library. Choose your password.</p>
            <AcceptInviteForm token={token} email={invite.email} passwordMin={PASSWORD_MIN_LENGTH} />
          </>
        )}
      </div>
    </main>
  );
}
