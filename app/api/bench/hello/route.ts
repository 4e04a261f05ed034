import { notFound, toResponse } from '@/lib/errors';

export const dynamic = 'force-dynamic';

// GET /api/bench/hello — the cheapest answer an App Router route can give, for bench/image-api.mjs:
// cached Image API variants are measured against it (requests/s of Kura's own floor, same app, same
// server). It exists only for the benchmark: without KURA_BENCH=1 in the server's environment
// (read on every request, so the build does not decide) it answers 404 like any unknown path.
export function GET() {
  if (process.env.KURA_BENCH !== '1') return toResponse(notFound());
  return Response.json({ hello: 'world' });
}
