import 'server-only';
import { toResponse } from '@/lib/errors';

/** Runs a route handler body and maps any thrown error to `{"message"}` with its status. */
export async function handle(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    return toResponse(err);
  }
}
