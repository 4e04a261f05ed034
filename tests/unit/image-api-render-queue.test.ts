import { describe, expect, it, vi } from 'vitest';
import { RenderQueue } from '@/lib/image-api/render-queue';

vi.mock('server-only', () => ({}));

/** A job that runs until `finish()` is called; `started` tells whether the queue let it run yet. */
function job() {
  let finish = () => {};
  const state = { started: false };
  const work = () =>
    new Promise<string>((resolve) => {
      state.started = true;
      finish = () => resolve('done');
    });
  return { work, state, finish: () => finish() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('RenderQueue', () => {
  it('runs `running` jobs at once, lines up `waiting` more and refuses the next with 503', async () => {
    const queue = new RenderQueue(1, 2);
    const [a, b, c] = [job(), job(), job()];
    const answers = [a, b, c].map((j) => queue.run(j.work));
    await tick();
    expect([a, b, c].map((j) => j.state.started)).toEqual([true, false, false]);
    await expect(queue.run(job().work)).rejects.toMatchObject({ status: 503 });

    a.finish();
    await tick();
    expect(b.state.started).toBe(true); // the slot passes to the next in line
    expect(c.state.started).toBe(false);
    b.finish();
    await tick();
    c.finish();
    await expect(Promise.all(answers)).resolves.toEqual(['done', 'done', 'done']);
  });

  it('frees the slot of a job that fails, and takes new jobs once the line is short again', async () => {
    const queue = new RenderQueue(1, 0);
    await expect(queue.run(() => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    const a = job();
    const answer = queue.run(a.work);
    await expect(queue.run(job().work)).rejects.toMatchObject({ status: 503 });
    await tick();
    a.finish();
    await expect(answer).resolves.toBe('done');
    await expect(queue.run(async () => 'again')).resolves.toBe('again');
  });
});
