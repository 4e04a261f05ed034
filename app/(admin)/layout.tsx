import Link from 'next/link';
import { LogoutButton } from '@/components/auth/logout-button';
import { FoldMenu } from '@/components/layout/fold-menu';
import { ToastProvider } from '@/components/ui/toasts';
import { requireMemberPage } from '@/lib/auth/session';
import { isAdmin } from '@/lib/permissions/admin';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireMemberPage();
  return (
    <ToastProvider>
      <div className="flex h-screen flex-col overflow-hidden">
        <header
          className={
            'flex h-14 shrink-0 items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 md:px-5'
          }
        >
          <nav className="flex min-w-0 items-center gap-4 md:gap-6">
            <Link href="/media" className="text-lg font-semibold tracking-tight">
              Kura
            </Link>
            <Link href="/media" className="text-sm font-medium text-slate-700 hover:text-slate-900">
              Media
            </Link>
            <Link href="/apis" className="text-sm font-medium text-slate-700 hover:text-slate-900">
              Content
            </Link>
            {isAdmin(actor) && (
              <Link href="/settings/members" className="text-sm font-medium text-slate-700 hover:text-slate-900">
                Settings
              </Link>
            )}
          </nav>
          <FoldMenu label="Menu" className="md:flex-row md:items-center md:gap-4">
            <span className="truncate px-2 text-sm text-slate-600">
              {actor.type === 'member' ? actor.email : actor.name}
            </span>
            <Link
              href="/settings/account"
              className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              Account
            </Link>
            <LogoutButton />
          </FoldMenu>
        </header>
        {children}
      </div>
    </ToastProvider>
  );
}
