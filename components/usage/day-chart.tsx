import { formatBytes } from '@/lib/media/format-bytes';

const W = 300;
const H = 64;

/** One figure per day as bars in plain SVG: each bar's value in its tooltip, the total and peak in the label. */
export function DayChart({
  title,
  days,
  values,
  unit,
}: {
  title: string;
  days: string[];
  values: number[];
  unit: 'bytes' | 'requests';
}) {
  const max = Math.max(1, ...values);
  const show = (v: number) => (unit === 'bytes' ? formatBytes(v) : `${v.toLocaleString('en-US')} requests`);
  const step = W / values.length;
  const total = values.reduce((sum, v) => sum + v, 0);
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3">
      <figcaption className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-slate-700">{title}</span>
        <span className="text-xs text-slate-500">
          {unit === 'bytes' && title.startsWith('Stored')
            ? `now ${show(values.at(-1) ?? 0)}`
            : `30 days: ${show(total)}`}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="mt-2 h-16 w-full"
        role="img"
        aria-label={`${title}, last 30 days: peak ${show(Math.max(0, ...values))}, today ${show(values.at(-1) ?? 0)}`}
        preserveAspectRatio="none"
      >
        <line x1="0" y1={H - 0.5} x2={W} y2={H - 0.5} className="stroke-slate-200" />
        {values.map((v, i) => {
          const h = v === 0 ? 0 : Math.max(1.5, (v / max) * (H - 2));
          return (
            <rect
              key={days[i]}
              x={i * step + 1}
              y={H - h}
              width={Math.max(1, step - 2)}
              height={h}
              className={i === values.length - 1 ? 'fill-indigo-600' : 'fill-indigo-300'}
            >
              <title>{`${days[i]}: ${show(v)}`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="mt-1 flex justify-between text-[11px] text-slate-500">
        <span>{days[0]}</span>
        <span>{days.at(-1)}</span>
      </div>
    </figure>
  );
}
