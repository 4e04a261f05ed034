import 'server-only';
import { execFile } from 'node:child_process';

/** Longest a probe or a frame grab may take before Kura gives up on it (the upload still succeeds). */
const TOOL_TIMEOUT_MS = 30_000;
/** Largest output read from a tool: a poster frame or a page image, never more. */
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

/** Whether a missing program has been reported already, so the log says it once per process and program. */
const reported = new Set<string>();

/**
 * Runs one of the Debian programs Kura uses for previews (ffprobe, ffmpeg, pdfinfo, pdftoppm) and resolves to
 * its standard output, or null when it is not installed, fails or takes too long. Media processing is
 * best effort: an upload never fails because of it.
 */
export function runTool(program: string, args: string[]): Promise<Buffer | null> {
  return new Promise((resolve) => {
    execFile(
      program,
      args,
      { encoding: 'buffer', timeout: TOOL_TIMEOUT_MS, maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true },
      (err, stdout) => {
        if (!err) return resolve(stdout);
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
          if (!reported.has(program)) {
            reported.add(program);
            console.warn(`[kura] ${program} is not installed: previews that need it are skipped (see README)`);
          }
        }
        resolve(null);
      },
    );
  });
}
