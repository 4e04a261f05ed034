import 'server-only';
import { KuraError } from '@/lib/errors';

/**
 * At most `running` encodes at once (sharp already spreads one encode over the cores), at most
 * `waiting` more in line; beyond that the caller is told to come back (503 + Retry-After) instead of
 * piling decoded images up in memory.
 */
export class RenderQueue {
  private active = 0;
  private readonly line: (() => void)[] = [];

  constructor(
    private readonly running: number,
    private readonly waiting: number,
  ) {}

  /** Runs `work` when a slot is free; rejects at once with 503 when the line is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.running) {
      this.active++;
      return Promise.resolve();
    }
    if (this.line.length >= this.waiting) {
      return Promise.reject(new KuraError('unavailable', 'Too many images are being transformed right now: try again in a moment'));
    }
    return new Promise((resolve) => this.line.push(resolve));
  }

  private release() {
    const next = this.line.shift();
    if (next) next(); // the slot passes straight to the next in line
    else this.active--;
  }
}
