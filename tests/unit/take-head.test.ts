import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { takeHead } from '@/lib/media/take-head';

const collect = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

describe('takeHead', () => {
  it('returns the head and the whole input again', async () => {
    const parts = Array.from({ length: 10 }, (_, i) => Buffer.alloc(100, i));
    const { head, body } = await takeHead(Readable.from(parts), 250);
    expect(head.length).toBe(300); // whole chunks
    expect(await collect(body)).toEqual(Buffer.concat(parts));
  });

  it('handles an input shorter than the head, and an empty one', async () => {
    const short = await takeHead(Readable.from([Buffer.from('abc')]), 1024);
    expect(short.head.toString()).toBe('abc');
    expect((await collect(short.body)).toString()).toBe('abc');
    const empty = await takeHead(Readable.from([]), 1024);
    expect(empty.head.length).toBe(0);
    expect((await collect(empty.body)).length).toBe(0);
  });

  it('passes on an error of the source', async () => {
    const source = new Readable({ read() {} });
    source.push(Buffer.alloc(10));
    const taking = takeHead(source, 5);
    const { body } = await taking;
    source.destroy(new Error('client went away'));
    await expect(collect(body)).rejects.toThrow('client went away');
  });
});
