import Link from 'next/link';

/** A Media settings section that leads to a page of its own (Activity, Storage). */
export function SettingsLink({
  id,
  title,
  description,
  href,
  action,
}: {
  id: string;
  title: string;
  description: string;
  href: string;
  action: string;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className={
        'flex flex-wrap items-center justify-between gap-4 ' + 'rounded-lg border border-slate-200 bg-white px-5 py-4'
      }
    >
      <div>
        <h2 id={`${id}-heading`} className="text-base font-semibold">
          {title}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{description}</p>
      </div>
      <Link
        href={href}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
      >
        {action}
      </Link>
    </section>
  );
}
