import Link from 'next/link';
import { Fragment } from 'react';

/** The trail above a page title: links to the pages above, then the current page. */
export function Breadcrumb({ trail, current }: { trail: { href: string; label: string }[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex items-center gap-1.5 text-sm text-slate-500">
        {trail.map((step) => (
          <Fragment key={step.href}>
            <li>
              <Link href={step.href} className="hover:text-slate-900 hover:underline">
                {step.label}
              </Link>
            </li>
            <li aria-hidden="true">/</li>
          </Fragment>
        ))}
        <li aria-current="page" className="text-slate-700">
          {current}
        </li>
      </ol>
    </nav>
  );
}
