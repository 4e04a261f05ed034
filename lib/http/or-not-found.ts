import 'server-only';
import { notFound } from 'next/navigation';
import { KuraError } from '@/lib/errors';

/** For pages: runs a domain read, turning "no such thing" and "not yours to see" into the 404 page. */
export async function orNotFound<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof KuraError && (err.code === 'not_found' || err.code === 'forbidden')) notFound();
    throw err;
  }
}
