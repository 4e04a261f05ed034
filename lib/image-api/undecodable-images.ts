import 'server-only';
import { KuraError } from '@/lib/errors';
import { processSingleton } from '@/lib/process-singleton';
import { NOT_AN_IMAGE } from './refusals';

/** Enough for every broken file of a large library; the oldest is forgotten first (and decoded once more). */
const MAX_REMEMBERED = 10_000;

const remembered = () => processSingleton('undecodableImages', () => new Map<string, KuraError>());

/**
 * Content hashes whose bytes libvips could not read, with the answer they got (422, or 400 for a
 * format it cannot load). Keyed by content hash, so a re-upload of good bytes is tried afresh, and a
 * bad file costs one decode per process instead of one per request.
 */
export const undecodableImages = {
  get: (sha256: string): KuraError | undefined => remembered().get(sha256),

  /** Remembers a failure that is the file's fault; other errors (a full queue, a budget) are not. */
  note(sha256: string, err: unknown) {
    if (!(err instanceof KuraError) || (err.status !== 422 && err.message !== NOT_AN_IMAGE)) return;
    const map = remembered();
    map.set(sha256, err);
    if (map.size > MAX_REMEMBERED) map.delete(map.keys().next().value!);
  },
};
