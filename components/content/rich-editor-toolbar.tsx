'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { useState, type KeyboardEvent } from 'react';

/** `pressed` is set only on toggle buttons. */
type Tool = {
  label: string;
  glyph: string;
  run: () => void;
  pressed?: boolean;
  disabled?: boolean;
  glyphClass?: string;
};

const ROVING_KEYS: Record<string, (i: number, last: number) => number> = {
  ArrowRight: (i, last) => (i === last ? 0 : i + 1),
  ArrowLeft: (i, last) => (i === 0 ? last : i - 1),
  Home: () => 0,
  End: (_, last) => last,
};

/** The formatting buttons above the rich editor: one tab stop, arrow keys move between buttons. */
export function RichEditorToolbar(props: {
  editor: Editor | null;
  onLink: () => void;
  onInsertImage: () => void;
  onInsertFile: () => void;
}) {
  const { editor } = props;
  const [focusIndex, setFocusIndex] = useState(0);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e && {
        bold: e.isActive('bold'),
        italic: e.isActive('italic'),
        h2: e.isActive('heading', { level: 2 }),
        h3: e.isActive('heading', { level: 3 }),
        bulletList: e.isActive('bulletList'),
        orderedList: e.isActive('orderedList'),
        quote: e.isActive('blockquote'),
        link: e.isActive('link'),
        canUndo: e.can().undo(),
        canRedo: e.can().redo(),
      },
  });
  const chain = () => editor!.chain().focus();

  const groups: Tool[][] = [
    [
      {
        label: 'Bold',
        glyph: 'B',
        glyphClass: 'font-bold',
        pressed: state?.bold ?? false,
        run: () => chain().toggleBold().run(),
      },
      {
        label: 'Italic',
        glyph: 'I',
        glyphClass: 'font-serif italic',
        pressed: state?.italic ?? false,
        run: () => chain().toggleItalic().run(),
      },
    ],
    [
      {
        label: 'Heading 2',
        glyph: 'H2',
        pressed: state?.h2 ?? false,
        run: () => chain().toggleHeading({ level: 2 }).run(),
      },
      {
        label: 'Heading 3',
        glyph: 'H3',
        pressed: state?.h3 ?? false,
        run: () => chain().toggleHeading({ level: 3 }).run(),
      },
    ],
    [
      {
        label: 'Bullet list',
        glyph: '• —',
        pressed: state?.bulletList ?? false,
        run: () => chain().toggleBulletList().run(),
      },
      {
        label: 'Numbered list',
        glyph: '1. —',
        pressed: state?.orderedList ?? false,
        run: () => chain().toggleOrderedList().run(),
      },
      { label: 'Quote', glyph: '“ ”', pressed: state?.quote ?? false, run: () => chain().toggleBlockquote().run() },
    ],
    [
      { label: 'Link', glyph: 'Link', pressed: state?.link ?? false, run: props.onLink },
      { label: 'Insert image', glyph: '+ Image', run: props.onInsertImage },
      { label: 'Insert file', glyph: '+ File', run: props.onInsertFile },
    ],
    [
      { label: 'Undo', glyph: '↶', disabled: !state?.canUndo, run: () => chain().undo().run() },
      { label: 'Redo', glyph: '↷', disabled: !state?.canRedo, run: () => chain().redo().run() },
    ],
  ];

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const buttons = [...event.currentTarget.querySelectorAll('button')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const move = ROVING_KEYS[event.key];
    if (i < 0 || !move) return;
    event.preventDefault();
    buttons[move(i, buttons.length - 1)].focus();
  }

  const tools = groups.flat();
  return (
    <div
      role="toolbar"
      aria-label="Formatting"
      onKeyDown={onKeyDown}
      className="flex flex-wrap items-center gap-0.5 rounded-t-lg border-b border-slate-200 bg-slate-50 px-1.5 py-1"
    >
      {groups.map((group, g) => (
        <div key={g} className="flex items-center gap-0.5 border-slate-200 pr-1 not-last:mr-0.5 not-last:border-r">
          {group.map((tool) => {
            const i = tools.indexOf(tool);
            // Disabled buttons stay focusable (aria-disabled) so the roving tab stop never lands on nothing.
            const disabled = !state || tool.disabled;
            return (
              <button
                key={tool.label}
                type="button"
                title={tool.label}
                aria-pressed={tool.pressed}
                aria-disabled={disabled || undefined}
                tabIndex={i === focusIndex ? 0 : -1}
                onFocus={() => setFocusIndex(i)}
                onClick={() => !disabled && tool.run()}
                className={
                  'min-w-8 rounded px-2 py-1 text-xs font-medium text-slate-700 ' +
                  'hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-500 ' +
                  ('aria-disabled:cursor-not-allowed aria-disabled:opacity-40 ' +
                    'aria-disabled:hover:bg-transparent aria-pressed:bg-indigo-100 aria-pressed:text-indigo-800')
                }
              >
                {/* Named by its words, not the glyph: a name that is not the visible text confuses voice control. */}
                <span aria-hidden="true" className={tool.glyphClass}>
                  {tool.glyph}
                </span>
                <span className="sr-only">{tool.label}</span>
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
