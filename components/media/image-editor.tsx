'use client';

import { useId, useRef } from 'react';
import type { ImageEdit } from '@/lib/image-api/stored-edit';

/** A region of the original as fractions of its sides (0–1). */
export type FractionRect = { x: number; y: number; w: number; h: number };

export type EditorState = {
  focal: { x: number; y: number } | null;
  crop: FractionRect | null;
  rotate: ImageEdit['rotate'];
  flip: ImageEdit['flip'];
};

export const ASPECTS = { Free: null, '16:9': 16 / 9, '4:3': 4 / 3, '1:1': 1 } as const;
export type AspectName = keyof typeof ASPECTS;

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
const percent = (n: number) => `${Math.round(n * 1000) / 10}%`;
/** Pointer travel (CSS pixels) below which a press is a click (the focal point), not a drag (a crop). */
const DRAG_PX = 4;

type Props = {
  /** The untouched original, scaled down (`raw=1`): what the focal point and the crop are drawn on. */
  src: string;
  width: number;
  height: number;
  state: EditorState;
  aspect: AspectName;
  onChange: (next: EditorState) => void;
};

/**
 * The image editor's canvas: a click on the original sets the focal point (a marker; arrow keys move it while it
 * has focus, Shift for bigger steps), a drag draws the crop rectangle in the chosen aspect ratio.
 */
export function ImageEditor({ src, width, height, state, aspect, onChange }: Props) {
  const frame = useRef<HTMLDivElement>(null);
  const press = useRef<{ x: number; y: number; px: number; py: number; dragged: boolean } | null>(null);
  const hintId = useId();
  const { focal, crop } = state;

  const at = (e: React.PointerEvent) => {
    const box = frame.current!.getBoundingClientRect();
    return { x: clamp01((e.clientX - box.left) / box.width), y: clamp01((e.clientY - box.top) / box.height) };
  };
  const rectFrom = (start: { x: number; y: number }, end: { x: number; y: number }): FractionRect => {
    const ratio = ASPECTS[aspect];
    let w = Math.abs(end.x - start.x);
    let h = Math.abs(end.y - start.y);
    const right = end.x >= start.x;
    const down = end.y >= start.y;
    if (ratio !== null) {
      // In fractions, a w:h of `ratio` in pixels is h = w × width / (ratio × height); kept inside the image.
      h = (w * width) / (ratio * height);
      const room = down ? 1 - start.y : start.y;
      if (h > room) [h, w] = [room, (room * ratio * height) / width];
    }
    return { x: right ? start.x : start.x - w, y: down ? start.y : start.y - h, w, h };
  };

  const onPointerDown = (e: React.PointerEvent) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    press.current = { ...at(e), px: e.clientX, py: e.clientY, dragged: false };
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const p = press.current;
    if (!p) return;
    if (!p.dragged && Math.hypot(e.clientX - p.px, e.clientY - p.py) < DRAG_PX) return;
    p.dragged = true;
    onChange({ ...state, crop: rectFrom(p, at(e)) });
  };
  const onPointerUp = (e: React.PointerEvent) => {
    const p = press.current;
    press.current = null;
    if (!p) return;
    if (!p.dragged) return onChange({ ...state, focal: at(e) });
    const rect = rectFrom(p, at(e));
    onChange({ ...state, crop: rect.w > 0.005 && rect.h > 0.005 ? rect : null });
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const step = e.shiftKey ? 0.1 : 0.01;
    const move = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
    if (!move) return;
    e.preventDefault();
    const from = focal ?? { x: 0.5, y: 0.5 };
    const round = (n: number) => Math.round(clamp01(n) * 10000) / 10000;
    onChange({ ...state, focal: { x: round(from.x + move[0]), y: round(from.y + move[1]) } });
  };

  const marker = focal ?? { x: 0.5, y: 0.5 };
  return (
    <div className="min-w-0 flex-1 space-y-2">
      <div
        ref={frame}
        data-testid="image-editor-canvas"
        className="relative mx-auto w-fit cursor-crosshair touch-none select-none overflow-hidden"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- the untouched original through the Image API */}
        <img src={src} alt="" draggable={false} className="block max-h-[26rem] max-w-[min(42rem,calc(100vw-5rem))]" />
        {crop && (
          <div
            data-testid="image-editor-crop"
            aria-hidden="true"
            className="pointer-events-none absolute border-2 border-white shadow-[0_0_0_9999px_rgba(15,23,42,0.55)]"
            style={{ left: percent(crop.x), top: percent(crop.y), width: percent(crop.w), height: percent(crop.h) }}
          />
        )}
        <button
          type="button"
          aria-label="Focal point"
          aria-describedby={hintId}
          onKeyDown={onKeyDown}
          onPointerDown={(e) => e.stopPropagation()}
          onClick={() => focal === null && onChange({ ...state, focal: marker })}
          className={
            'absolute h-6 w-6 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white ' +
            'shadow-[0_0_0_2px_rgba(15,23,42,0.8)] focus:outline-none ' +
            'focus-visible:ring-4 focus-visible:ring-indigo-400 ' +
            (focal ? 'bg-indigo-500/70' : 'border-dashed bg-transparent')
          }
          style={{ left: percent(marker.x), top: percent(marker.y) }}
        />
      </div>
      <p id={hintId} className="text-center text-xs text-slate-600" aria-live="polite" data-testid="image-editor-focal">
        {focal
          ? `Focal point: ${percent(focal.x)} across, ${percent(focal.y)} down`
          : 'No focal point: click the image, or focus the marker and use the arrow keys'}
      </p>
    </div>
  );
}
