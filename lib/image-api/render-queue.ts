import 'server-only';
import pLimit, { type LimitFunction } from 'p-limit';
import { KuraError } from '@/lib/errors';

/**
 * At most `running` encodes at once (sharp already spreads one encode over the cores), at most
 * `waiting` more in line; beyond that the caller is told to come back (503 + Retry-After) instead of
 * piling decoded images up in memory. p-limit runs the line; only the bound on its length is ours.
 */
export class RenderQueue {
  private readonly limit: LimitFunction;

  constructor(
    running: number,
    private readonly waiting: number,
  ) {
    this.limit = pLimit(running);
  }

  /** Runs `work` when a slot is free; rejects at once with 503 when the line is full. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const { activeCount, pendingCount, concurrency } = this.limit;
    // Every job let in is running or pending: refused once they fill the running slots and the line.
    if (activeCount + pendingCount >= concurrency + this.waiting) {
      return Promise.reject(
        new KuraError('unavailable', 'Too many images are being transformed right now: try again in a moment'),
      );
    }
    return this.limit(work);
  }
}
