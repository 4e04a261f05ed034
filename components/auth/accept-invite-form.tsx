'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { acceptInviteAction } from '@/app/(auth)/invite/[token]/actions';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';

type Props = { token: string; email: string; passwordMin: number };

/** An invite link's form: the new member's name and own password; then they are logged in. */
export function AcceptInviteForm({ token, email, passwordMin }: Props) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [loginFailed, setLoginFailed] = useState(false);
  const form = useActionForm(
    acceptInviteAction,
    ['name', 'password'],
    async () => {
      const result = await signIn('credentials', { email, password, redirect: false });
      if (result?.ok && !result.error) {
        router.replace('/media');
        router.refresh();
      } else setLoginFailed(true);
    },
    { refresh: false },
  );

  if (loginFailed)
    return (
      <p role="status" className="mt-6 text-sm text-slate-700">
        Your account is ready.{' '}
        <a href="/login" className="font-medium text-indigo-700 hover:underline">
          Log in
        </a>{' '}
        with {email} and your new password.
      </p>
    );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        form.submit({ token, name, password });
      }}
      onChange={form.edited}
      className="mt-6 space-y-4"
      aria-describedby={form.errorId}
    >
      <div>
        <p className="text-sm font-medium text-slate-700">Email</p>
        <p className="mt-1 text-sm text-slate-900" data-testid="invite-email">
          {email}
        </p>
      </div>
      <TextField label="Name" value={name} onChange={setName} maxLength={100} error={form.fieldErrors.name} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        hint={`At least ${passwordMin} characters. Only you will know it.`}
        error={form.fieldErrors.password}
      />
      <div id={form.errorId} aria-live="polite" className="min-h-5 text-sm text-red-600">
        {form.error && <p role="alert">{form.error}</p>}
      </div>
      <button
        type="submit"
        disabled={form.pending}
        className={
          'w-full rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium ' +
          'text-white hover:bg-indigo-500 disabled:opacity-60'
        }
      >
        {form.pending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
