import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { currentMember } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Log in' };

export default async function LoginPage() {
  if (await currentMember()) redirect('/media');
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Kura</h1>
        <p className="mt-1 text-sm text-slate-500">Log in to the media library</p>
        <LoginForm />
      </div>
    </main>
  );
}
