'use client';

import { useRef, useState } from 'react';
import { editMediaAction } from '@/app/(admin)/media/actions';
import { editSummary } from '@/components/media/image-edit-summary';
import { ASPECTS, ImageEditor, type AspectName, type EditorState } from '@/components/media/image-editor';
import { EditDialog } from '@/components/ui/edit-dialog';
import { useActionForm } from '@/components/ui/use-action-form';
import type { MediaRecord } from '@/lib/media/present';
import type { MediaChanges } from '@/lib/media/schemas';
import { PencilEditor } from './pencil-editor';

type Props = { item: MediaRecord; editorUrl: string };

/** The pencil beside "Focal point and crop": the image editor over the untouched original, saved with the media. */
export function ImageEditButton({ item, editorUrl }: Props) {
  return (
    <PencilEditor label="Edit image">
      {(close) => <ImageEditDialog item={item} editorUrl={editorUrl} close={close} />}
    </PencilEditor>
  );
}

const FLIP_AFTER = {
  h: { none: 'h', h: 'none', v: 'hv', hv: 'v' },
  v: { none: 'v', v: 'none', h: 'hv', hv: 'h' },
} as const;

function ImageEditDialog({ item, editorUrl, close }: Props & { close: () => void }) {
  const form = useActionForm((changes: MediaChanges) => editMediaAction({ id: item.id, changes }), [], close);
  const width = item.width ?? 1;
  const height = item.height ?? 1;
  const [state, setState] = useState<EditorState>({
    focal: item.focalPoint ?? null,
    crop: item.crop
      ? { x: item.crop.x / width, y: item.crop.y / height, w: item.crop.w / width, h: item.crop.h / height }
      : null,
    rotate: item.rotate ?? 0,
    flip: item.flip ?? 'none',
  });
  const [aspect, setAspect] = useState<AspectName>('Free');
  const first = useRef<HTMLSelectElement>(null);
  const change = (next: EditorState) => {
    form.edited();
    setState(next);
  };
  const crop = cropInPixels(state, aspect, width, height);

  const button = 'rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-50';
  return (
    <EditDialog
      title="Edit image"
      size="wide"
      errorId={form.errorId}
      error={form.error}
      pending={form.pending}
      initialFocus={first}
      onCancel={close}
      onSubmit={() => form.submit({ focalPoint: state.focal, crop, rotate: state.rotate, flip: state.flip })}
    >
      <p className="text-sm text-slate-600">
        Click the image to set the focal point, drag to draw a crop. The original stays as uploaded; the Image API
        applies these to every transform.
      </p>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label className="flex items-center gap-1.5">
          Crop aspect ratio
          <select
            ref={first}
            value={aspect}
            onChange={(e) => setAspect(e.target.value as AspectName)}
            className="rounded-md border border-slate-300 px-2 py-1"
          >
            {Object.keys(ASPECTS).map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <button type="button" className={button} onClick={() => change({ ...state, rotate: nextTurn(state.rotate) })}>
          Rotate 90°
        </button>
        <button type="button" className={button} onClick={() => change({ ...state, flip: FLIP_AFTER.h[state.flip] })}>
          Flip horizontally
        </button>
        <button type="button" className={button} onClick={() => change({ ...state, flip: FLIP_AFTER.v[state.flip] })}>
          Flip vertically
        </button>
        <button
          type="button"
          className={button}
          disabled={state.focal === null}
          onClick={() => change({ ...state, focal: null })}
        >
          Reset focal point
        </button>
        <button
          type="button"
          className={button}
          disabled={state.crop === null}
          onClick={() => change({ ...state, crop: null })}
        >
          Clear crop
        </button>
      </div>
      <div className="flex flex-wrap items-start justify-center gap-4">
        <ImageEditor src={editorUrl} width={width} height={height} state={state} aspect={aspect} onChange={change} />
        <EditResult src={editorUrl} width={width} height={height} state={state} />
      </div>
      <p className="text-center text-xs text-slate-600" data-testid="image-editor-summary" aria-live="polite">
        {editSummary({
          focalPoint: state.focal ?? undefined,
          crop: crop ?? undefined,
          rotate: state.rotate || undefined,
          flip: state.flip === 'none' ? undefined : state.flip,
        }) ?? 'No edit: the image as uploaded'}
      </p>
    </EditDialog>
  );
}

const nextTurn = (rotate: EditorState['rotate']) => ((rotate + 90) % 360) as EditorState['rotate'];

/** The drawn crop in whole pixels of the original, inside it; a fixed aspect ratio kept exactly where it fits. */
function cropInPixels(state: EditorState, aspect: AspectName, width: number, height: number) {
  const c = state.crop;
  if (c === null) return null;
  const x = Math.min(width - 1, Math.round(c.x * width));
  const y = Math.min(height - 1, Math.round(c.y * height));
  const w = Math.max(1, Math.min(width - x, Math.round(c.w * width)));
  const ratio = ASPECTS[aspect];
  const h = Math.max(1, Math.min(height - y, ratio === null ? Math.round(c.h * height) : Math.round(w / ratio)));
  return { x, y, w, h };
}

const RESULT_PX = 176;

/** The edit as the Image API will apply it: the crop, turned and flipped (drawn by the browser from the original). */
function EditResult({ src, width, height, state }: { src: string; width: number; height: number; state: EditorState }) {
  const c = state.crop ?? { x: 0, y: 0, w: 1, h: 1 };
  const ratio = (c.w * width) / (c.h * height);
  const box =
    ratio >= 1 ? { width: RESULT_PX, height: RESULT_PX / ratio } : { width: RESULT_PX * ratio, height: RESULT_PX };
  const at = (offset: number, size: number) => (size < 1 ? `${(offset / (1 - size)) * 100}%` : '0%');
  const sx = state.flip === 'h' || state.flip === 'hv' ? -1 : 1;
  const sy = state.flip === 'v' || state.flip === 'hv' ? -1 : 1;
  return (
    <figure className="w-48 text-center">
      <div className="flex h-48 items-center justify-center bg-slate-100">
        <div
          data-testid="image-editor-result"
          className="bg-no-repeat"
          style={{
            ...box,
            backgroundImage: `url("${src}")`,
            backgroundSize: `${100 / c.w}% ${100 / c.h}%`,
            backgroundPosition: `${at(c.x, c.w)} ${at(c.y, c.h)}`,
            // Turned, then mirrored on screen: the order the Image API applies them.
            transform: `scale(${sx}, ${sy}) rotate(${state.rotate}deg)`,
          }}
        />
      </div>
      <figcaption className="mt-1 text-xs text-slate-600">Result</figcaption>
    </figure>
  );
}
