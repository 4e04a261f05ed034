// Design notes: docs/media-previews.md.
import 'server-only';
import { runTool } from './run-tool';

/** What Kura reads from a video, audio or PDF file at upload; every part is null when its program is missing. */
export type MediaFacts = {
  /** Seconds (video, audio). */
  duration: number | null;
  /** Pages (PDF). */
  pageCount: number | null;
  /** A poster frame (video) or the first page (PDF) as PNG, the input of the library's thumbnail. */
  frame: Buffer | null;
};

/** Longest side of a poster frame or page image: enough for the panel, small enough for the cache. */
const FRAME_SIDE = 960;

/** Which preview a file gets: none for images (sharp reads them) and for every other kind of file. */
export type PreviewKind = 'video' | 'audio' | 'pdf';

export function previewKindOf(mimeType: string): PreviewKind | null {
  if (mimeType.startsWith('video/')) return 'video';
  if (mimeType.startsWith('audio/')) return 'audio';
  return mimeType === 'application/pdf' ? 'pdf' : null;
}

/**
 * Duration and poster frame (ffprobe, ffmpeg), or page count and first page (pdfinfo, pdftoppm), of a file on
 * this machine's disk. Best effort: a missing program, a broken file or a timeout leaves that fact null.
 */
export async function probeMedia(file: string, kind: PreviewKind): Promise<MediaFacts> {
  if (kind === 'pdf') {
    const [info, frame] = await Promise.all([runTool('pdfinfo', [file]), firstPage(file)]);
    const pages = info && /^Pages:\s+(\d+)/m.exec(info.toString('utf8'));
    return { duration: null, pageCount: pages ? Number(pages[1]) : null, frame };
  }
  const duration = await durationOf(file);
  return { duration, pageCount: null, frame: kind === 'video' ? await posterFrame(file, duration) : null };
}

/** The poster frame or first page again, for a thumbnail whose cached copy is gone. */
export async function frameOf(file: string, kind: PreviewKind): Promise<Buffer | null> {
  if (kind === 'pdf') return firstPage(file);
  return kind === 'video' ? posterFrame(file, await durationOf(file)) : null;
}

async function durationOf(file: string): Promise<number | null> {
  const out = await runTool('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration',
    '-of',
    'default=noprint_wrappers=1:nokey=1',
    file,
  ]);
  const seconds = out ? Number.parseFloat(out.toString('utf8').trim()) : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) / 1000 : null;
}

/** A frame one second in (the very first one is often black), or the first frame of a shorter clip. */
async function posterFrame(file: string, duration: number | null): Promise<Buffer | null> {
  const grab = (at: number) =>
    runTool('ffmpeg', [
      ...['-nostdin', '-v', 'error', '-ss', String(at), '-i', file, '-frames:v', '1', '-an'],
      ...['-vf', `scale='min(${FRAME_SIDE},iw)':-2`, '-f', 'image2pipe', '-c:v', 'png', '-'],
    ]);
  const frame = duration !== null && duration > 2 ? await grab(1) : null;
  const out = frame?.length ? frame : await grab(0);
  return out?.length ? out : null;
}

async function firstPage(file: string): Promise<Buffer | null> {
  const out = await runTool('pdftoppm', [
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    '-png',
    '-scale-to',
    String(FRAME_SIDE),
    file,
  ]);
  return out?.length ? out : null;
}
