'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const ADMIN_TABS = [
  { href: '/settings/members', label: 'Members' },
  { href: '/settings/roles', label: 'Roles' },
  { href: '/settings/api-keys', label: 'API keys' },
];
const ACCOUNT_TAB = { href: '/settings/account', label: 'Account' };

/** The settings tabs: members, roles and API keys for Administrators, Account for everyone. */
export function SettingsNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  const tabs = isAdmin ? [...ADMIN_TABS, ACCOUNT_TAB] : [ACCOUNT_TAB];
  return (
    <nav aria-label="Settings" className="flex gap-1 border-b border-slate-200">
      {tabs.map((tab) => {
        const current = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={current ? 'page' : undefined}
            className={
              `-mb-px border-b-2 px-3 py-2 text-sm font-medium ` +
              (current ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-slate-600 hover:text-slate-900')
            }
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
