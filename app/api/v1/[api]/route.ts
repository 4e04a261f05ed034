import { contentListQuery } from '@/lib/content/api-query';
import { createContent } from '@/lib/content/create-content';
import { listContent } from '@/lib/content/list-content';
import { apiActor } from '@/lib/http/api-actor';
import { handle } from '@/lib/http/handle';
import { readJson } from '@/lib/http/read-json';

type Params = { params: Promise<{ api: string }> };

// GET /api/v1/{api} — one page of an API's content (API key with GET on this API).
export function GET(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const { api } = await params;
    const query = contentListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await listContent(actor, api, query), { headers: { 'Cache-Control': 'no-store' } });
  });
}

// POST /api/v1/{api} — create a content item from JSON field values (API key with POST); 201 {"id"}.
export function POST(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const { api } = await params;
    return Response.json(await createContent(actor, api, await readJson(request)), { status: 201 });
  });
}
