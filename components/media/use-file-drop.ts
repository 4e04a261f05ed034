'use client';

import { useRef, useState } from 'react';

/** Drag-and-drop of files from the desktop onto an element; `dragging` drives the overlay. */
export function useFileDrop(onFiles: (files: File[]) => void, enabled: boolean) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  // React events bubble through portals, so a drop inside a picker dialog would reach the field too.
  const accepts = (e: React.DragEvent) =>
    enabled && e.currentTarget.contains(e.target as Node) && Array.from(e.dataTransfer.types).includes('Files');

  const handlers = {
    onDragEnter: (e: React.DragEvent) => {
      if (!accepts(e)) return;
      depth.current++;
      setDragging(true);
    },
    onDragOver: (e: React.DragEvent) => {
      if (!accepts(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (e: React.DragEvent) => {
      if (!accepts(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDrop: (e: React.DragEvent) => {
      if (!accepts(e)) return;
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      onFiles(Array.from(e.dataTransfer.files));
    },
  };
  return { dragging: dragging && enabled, handlers };
}
