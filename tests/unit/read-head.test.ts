import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Meter } from '@/lib/media/meter';
import { readHead } from '@/lib/media/read-head';

const collect = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

describe('readHead', () => {
  it('returns the head and the whole input again', async () => {
    const parts = Array.from({ length: 10 }, (_, i) => Buffer.alloc(100, i));
    const source = new PassThrough();
    const reading = readHead(source, 250);
    for (const p of parts) source.write(p);
    source.end();
    const { head, body } = await reading;
    expect(head.length).toBeGreaterThanOrEqual(250);
    expect(Buffer.compare(head, Buffer.concat(parts).subarray(0, head.length))).toBe(0);
    expect(await collect(body)).toEqual(Buffer.concat(parts));
  });

  it('handles an input shorter than the head, and an empty one', async () => {
    const short = await readHead(Readable.from([Buffer.from('abc')]), 1024);
    expect(short.head.toString()).toBe('abc');
    expect((await collect(short.body)).toString()).toBe('abc');
    const empty = await readHead(Readable.from([]), 1024);
    expect(empty.head.length).toBe(0);
    expect((await collect(empty.body)).length).toBe(0);
  });

  it('passes on an error of the source', async () => {
    const source = new PassThrough();
    const reading = readHead(source, 1024);
    source.write(Buffer.alloc(10));
    source.destroy(new Error('client went away'));
    await expect(reading).rejects.toThrow('client went away');
  });
});

describe('Meter', () => {
  it('counts and hashes what passes, and refuses past the limit', async () => {
    const meter = new Meter(10, () => new Error('too large'));
    const out = await collect(Readable.from([Buffer.from('hello'), Buffer.from('world')]).pipe(meter));
    expect(out.toString()).toBe('helloworld');
    expect(meter.size).toBe(10);
    expect(meter.digest()).toBe('936a185caaa266bb9cbe981e9e05cb78cd732b0b3280eb944412bb6f8f8f07af');
    const over = new Meter(9, () => new Error('too large'));
    await expect(collect(Readable.from([Buffer.from('helloworld')]).pipe(over))).rejects.toThrow('too large');
  });
});
