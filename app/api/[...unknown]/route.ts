// Any path under /api that no route answers (and, through the last rewrite of next.config.ts, any /assets path that is
// not /assets/{service}/{id}/{name}): a JSON 404 like every other API error, not Next's HTML page.
export const dynamic = 'force-dynamic';

function notFound(request: Request): Response {
  const { pathname } = new URL(request.url);
  return Response.json(
    { message: `Not found: nothing answers ${request.method} ${pathname}` },
    { status: 404, headers: { 'Cache-Control': 'no-store' } },
  );
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
