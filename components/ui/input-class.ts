/** The look of every text input, select and textarea in Kura's forms and dialogs. */
export const inputClass =
  'w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm ' +
  'focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500';
