'use client';

import Image from '@tiptap/extension-image';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useRef, useState } from 'react';
import { AltTextPrompt } from './alt-text-prompt';
import { RichEditorToolbar } from './rich-editor-toolbar';

export type PickedMedia = {
  id: string;
  url: string;
  fileName: string;
  kind: 'image' | 'file';
  width: number | null;
  height: number | null;
  alt?: string;
};

// Links carry no target or rel: where a link opens is the front end's choice, not the editor's.
// Tiptap v3's Image already keeps and renders width and height.
const EXTENSIONS = [
  StarterKit.configure({
    link: { openOnClick: false, defaultProtocol: 'https', HTMLAttributes: { target: null, rel: null } },
  }),
  Image,
];

const EDITABLE_CLASS = [
  'min-h-48 px-3 py-2 text-sm text-slate-900 focus:outline-none [&>:first-child]:mt-0',
  '[&_p]:my-2 [&_h2]:mt-5 [&_h2]:mb-2 [&_h2]:text-xl [&_h2]:font-semibold ' +
    '[&_h3]:mt-4 [&_h3]:mb-1.5 [&_h3]:text-lg [&_h3]:font-semibold',
  '[&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6 [&_li_p]:my-0.5',
  '[&_blockquote]:my-3 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-200 ' +
    '[&_blockquote]:pl-3 [&_blockquote]:text-slate-600',
  // Inserted images keep their real width and height attributes; the editor shows them at a working size.
  '[&_img]:my-3 [&_img]:h-auto [&_img]:max-h-80 [&_img]:w-auto [&_img]:max-w-full [&_img]:rounded ' +
    '[&_img.ProseMirror-selectednode]:ring-2 [&_img.ProseMirror-selectednode]:ring-indigo-500',
  '[&_a]:text-indigo-700 [&_a]:underline [&_hr]:my-4 [&_hr]:border-slate-200',
  '[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-xs',
  '[&_pre]:my-3 [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-slate-900 ' +
    '[&_pre]:p-3 [&_pre]:text-slate-100 [&_pre_code]:bg-transparent [&_pre_code]:p-0',
].join(' ');

/**
 * What the user typed as a link address, made absolute, or null when it is not an http(s), mailto, path or anchor link.
 */
function linkHref(input: string): string | null {
  const href = /^([a-z][a-z0-9+.-]*:|[/#])/i.test(input) ? input : `https://${input}`;
  return /^(https?:\/\/[^/\\]|mailto:|\/(?![/\\])|#)/i.test(href) ? href : null;
}

function insertLink(editor: Editor, href: string, text: string) {
  // Link marks are inclusive: drop the stored mark so typing after the link is plain text.
  editor
    .chain()
    .focus()
    .insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] })
    .unsetMark('link')
    .run();
}

function editLink(editor: Editor) {
  const current = editor.getAttributes('link').href as string | undefined;
  const input = window.prompt('Link address (leave empty to remove the link)', current ?? '');
  if (input === null) return;
  if (input.trim() === '') return void editor.chain().focus().extendMarkRange('link').unsetLink().run();
  const href = linkHref(input.trim());
  if (!href) return void window.alert('Use a web address (https://…), a mailto: address or a path starting with /.');
  if (editor.state.selection.empty && !editor.isActive('link')) insertLink(editor, href, href);
  else editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
}

/** A rich-text field: Tiptap with a formatting toolbar; a hidden input named `name` holds the HTML for the form. */
export function RichEditor(props: {
  id: string;
  labelId: string;
  name: string;
  initialHtml: string;
  onChange?: (html: string) => void;
  onPick: (accept: 'image' | 'any') => Promise<PickedMedia | null>;
  describedBy?: string;
  invalid?: boolean;
}) {
  const [html, setHtml] = useState(props.initialHtml);
  const picking = useRef(false);
  const [asking, setAsking] = useState<{ media: PickedMedia; resolve: (alt: string | null) => void } | null>(null);
  const askAlt = (media: PickedMedia) => new Promise<string | null>((resolve) => setAsking({ media, resolve }));
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: props.initialHtml,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id: props.id,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': props.labelId,
        ...(props.describedBy ? { 'aria-describedby': props.describedBy } : {}),
        ...(props.invalid ? { 'aria-invalid': 'true' } : {}),
        'data-testid': 'rich-editor',
        class: EDITABLE_CLASS,
      },
    },
    onUpdate: ({ editor: e }) => {
      const next = e.isEmpty ? '' : e.getHTML();
      setHtml(next);
      props.onChange?.(next);
    },
  });

  async function pick(accept: 'image' | 'any') {
    if (!editor || picking.current) return;
    picking.current = true;
    try {
      const media = await props.onPick(accept);
      if (!media || editor.isDestroyed) return;
      if (accept === 'image' && media.kind === 'image') {
        const alt = await askAlt(media);
        if (alt === null || editor.isDestroyed) return;
        const size = media.width && media.height ? { width: media.width, height: media.height } : {};
        editor
          .chain()
          .focus()
          .setImage({ src: media.url, alt, ...size })
          .run();
      } else {
        insertLink(editor, media.url, media.fileName);
      }
    } finally {
      picking.current = false;
    }
  }

  const border = props.invalid ? 'border-red-500' : 'border-slate-300';
  return (
    <div
      className={
        `rounded-lg border bg-white ${border} has-[.ProseMirror-focused]:border-indigo-500 ` +
        `has-[.ProseMirror-focused]:ring-2 has-[.ProseMirror-focused]:ring-indigo-200`
      }
    >
      <RichEditorToolbar
        editor={editor}
        onLink={() => editor && editLink(editor)}
        onInsertImage={() => pick('image')}
        onInsertFile={() => pick('any')}
      />
      <EditorContent editor={editor} className="min-h-48" />
      <input type="hidden" name={props.name} value={html} />
      {asking && (
        <AltTextPrompt
          media={asking.media}
          onDone={(alt) => {
            asking.resolve(alt);
            setAsking(null);
          }}
        />
      )}
    </div>
  );
}
