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

/**
 * The answer to a method a route does not take: 405 `{"message"}` naming the methods it does, with `Allow` (Next's
 * own 405 has no body). A route exports it under each other method:
 * @example const other = notAllowed('GET', 'DELETE'); export const POST = other; export const PUT = other;
 */
export function notAllowed(...allow: string[]): () => Response {
  const methods = allow.join(', ');
  return () =>
    Response.json(
      { message: `Only ${methods} allowed here` },
      { status: 405, headers: { Allow: methods, 'Cache-Control': 'no-store' } },
    );
}

/** A JSON 404 for a path no route answers (app/api/[...unknown]/route.ts), naming the method and the path. */
export function noSuchRoute(request: Request): Response {
  const { pathname } = new URL(request.url);
  return Response.json(
    { message: `Not found: nothing answers ${request.method} ${pathname}` },
    { status: 404, headers: { 'Cache-Control': 'no-store' } },
  );
}
