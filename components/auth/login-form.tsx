'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

export function LoginForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      router.replace('/media');
      router.refresh();
      return;
    }
    setPending(false);
    // The server's message when it refuses for a while (throttling); any other error stays generic.
    const refusal = result?.error?.startsWith('Too many failed attempts') ? result.error : null;
    setError(
      refusal ??
        (result?.error === 'CredentialsSignin' || !result?.error
          ? 'Wrong email or password'
          : 'Login failed: try again'),
    );
  }

  return (
    <form onSubmit={submit} className="mt-6 space-y-4" aria-describedby="login-error">
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className={
            'mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm ' +
            'focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200'
          }
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={
            'mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm ' +
            'focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200'
          }
        />
      </div>
      <div id="login-error" aria-live="polite" className="min-h-5 text-sm text-red-600">
        {error && <p role="alert">{error}</p>}
      </div>
      <button
        type="submit"
        disabled={pending}
        className={
          'w-full rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium ' +
          'text-white hover:bg-indigo-500 disabled:opacity-60'
        }
      >
        {pending ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  );
}
