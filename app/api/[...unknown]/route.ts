import { noSuchRoute } from '@/lib/http/handle';

// Any path under /api that no route answers (and, through the last rewrite of next.config.ts, any /assets path that is
// not /assets/{service}/{id}/{name}): a JSON 404 like every other API error, not Next's HTML page.
export const dynamic = 'force-dynamic';

export const GET = noSuchRoute;
export const POST = noSuchRoute;
export const PUT = noSuchRoute;
export const PATCH = noSuchRoute;
export const DELETE = noSuchRoute;
