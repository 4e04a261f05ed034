import { SettingsNav } from '@/components/settings/settings-nav';
import { requireMemberPage } from '@/lib/auth/session';
import { isAdmin } from '@/lib/permissions/admin';

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireMemberPage();
  return (
    <main className="relative flex-1 overflow-auto bg-slate-50">
      <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 md:px-6 md:py-8">
        <div className="space-y-3">
          <h1 className="text-xl font-semibold">Settings</h1>
          <SettingsNav isAdmin={isAdmin(actor)} />
        </div>
        {children}
      </div>
    </main>
  );
}
