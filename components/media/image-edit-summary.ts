import type { MediaRecord } from '@/lib/media/present';

/** What the panel says about an image's stored edit. */
export function editSummary(item: Pick<MediaRecord, 'focalPoint' | 'crop' | 'rotate' | 'flip'>): string | null {
  const parts = [
    item.focalPoint &&
      `Focal point ${Math.round(item.focalPoint.x * 100)}% across, ${Math.round(item.focalPoint.y * 100)}% down`,
    item.crop && `Cropped to ${item.crop.w} × ${item.crop.h} at ${item.crop.x}, ${item.crop.y}`,
    item.rotate && `Rotated ${item.rotate}° clockwise`,
    item.flip && { h: 'Flipped horizontally', v: 'Flipped vertically', hv: 'Flipped both ways', none: '' }[item.flip],
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}
