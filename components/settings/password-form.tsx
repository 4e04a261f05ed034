'use client';

import { useState } from 'react';
import { changePasswordAction } from '@/app/(admin)/settings/actions';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';

/** Account → Change password: the current password, then the new one twice. */
export function PasswordForm({ passwordMin }: { passwordMin: number }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [notice, setNotice] = useState('');
  const form = useActionForm(changePasswordAction, ['currentPassword', 'newPassword'], () => {
    setCurrent('');
    setNext('');
    setRepeat('');
    setNotice(
      'Your password is changed. Your other sessions have ended; use the new password the next time you log in.',
    );
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setNotice('');
    setMismatch(next !== repeat);
    if (next === repeat) form.submit({ currentPassword: current, newPassword: next });
  }

  return (
    <form
      onSubmit={submit}
      onChange={() => {
        form.edited();
        setMismatch(false);
      }}
      noValidate
      aria-describedby={form.errorId}
      className="space-y-3"
    >
      <p aria-live="polite" className="text-sm text-emerald-700 empty:hidden">
        {notice}
      </p>
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        error={form.fieldErrors.currentPassword}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={setNext}
        hint={`At least ${passwordMin} characters.`}
        error={form.fieldErrors.newPassword}
      />
      <TextField
        label="Repeat new password"
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={setRepeat}
        error={mismatch ? 'The two new passwords differ' : undefined}
      />
      <p id={form.errorId} role="alert" className="text-sm text-red-600 empty:hidden">
        {form.error}
      </p>
      <button
        type="submit"
        disabled={form.pending}
        className={
          'rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium ' +
          'text-white hover:bg-indigo-500 disabled:opacity-60'
        }
      >
        Change password
      </button>
    </form>
  );
}
