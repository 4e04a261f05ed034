'use client';

import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';

/** A change that can be taken back: resolves to an error message, or null once undone. */
export type Undo = () => Promise<string | null>;

type Toast = { id: number; message: string; undo?: Undo; state: 'shown' | 'undoing' | 'undone'; error?: string };

/** How long a toast stays: long enough to read it and reach Undo; hovering or focusing it holds it. */
const SHOWN_MS = 6_000;
const WITH_UNDO_MS = 10_000;

const ToastContext = createContext<((message: string, undo?: Undo) => void) | null>(null);

/** "Renamed to cover.jpg · Undo": says what a change did, bottom centre, one live region for the whole app. */
export function useToast() {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast needs a <ToastProvider> above it');
  return show;
}

export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const router = useRouter();

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const update = (id: number, changes: Partial<Toast>) =>
    setToasts((all) => all.map((t) => (t.id === id ? { ...t, ...changes } : t)));

  const show = useCallback((message: string, undo?: Undo) => {
    const id = ++next.current;
    // At most three at once: a burst of changes keeps the newest.
    setToasts((all) => [...all.slice(-2), { id, message, undo, state: 'shown' }]);
  }, []);

  const runUndo = async (toast: Toast) => {
    if (!toast.undo) return;
    update(toast.id, { state: 'undoing', error: undefined });
    const error = await toast.undo();
    update(toast.id, error ? { state: 'shown', error } : { state: 'undone' });
    router.refresh();
  };

  return (
    <ToastContext.Provider value={show}>
      {children}
      <div
        role="region"
        aria-label="Notifications"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4"
      >
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} onUndo={() => runUndo(t)} onDismiss={() => dismiss(t.id)} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onUndo, onDismiss }: { toast: Toast; onUndo: () => void; onDismiss: () => void }) {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held || toast.state === 'undoing') return;
    const timer = setTimeout(onDismiss, toast.undo && toast.state === 'shown' ? WITH_UNDO_MS : SHOWN_MS);
    return () => clearTimeout(timer);
  }, [held, toast.state, toast.undo, onDismiss]);

  return (
    <div
      role="status"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      className={
        'pointer-events-auto flex max-w-full items-center gap-3 rounded-lg bg-slate-900 px-4 py-2.5 ' +
        'text-sm text-white shadow-lg'
      }
      data-testid="toast"
    >
      <span className="min-w-0 break-words">
        {toast.state === 'undone' ? `Undone: ${toast.message}` : toast.message}
        {toast.error && <span className="block text-red-300">{toast.error}</span>}
      </span>
      {toast.undo && toast.state !== 'undone' && (
        <button
          type="button"
          onClick={onUndo}
          disabled={toast.state === 'undoing'}
          className="shrink-0 rounded px-2 py-0.5 font-semibold text-indigo-300 hover:bg-white/10 disabled:opacity-60"
        >
          {toast.state === 'undoing' ? 'Undoing…' : 'Undo'}
        </button>
      )}
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss"
        className="shrink-0 rounded px-1 text-slate-400 hover:bg-white/10 hover:text-white"
      >
        ✕
      </button>
    </div>
  );
}
