import { createContent } from '@/lib/content/create-content';
import { readEndpoint } from '@/lib/content/read-endpoint';
import { writeObject } from '@/lib/content/write-object';
import { apiActor } from '@/lib/http/api-actor';
import { handle, notAllowed } from '@/lib/http/handle';
import { readJson } from '@/lib/http/read-json';
import { refuseDrafts } from '@/lib/http/refuse-drafts';

type Params = { params: Promise<{ api: string }> };

const query = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

// GET /api/v1/{api} — a list API's page of content (limit, offset, orders, q, fields, ids, filters), or an object
// API's one item (API key with GET on this API).
export function GET(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const { api } = await params;
    return Response.json(await readEndpoint(actor, api, query(request)), { headers: { 'Cache-Control': 'no-store' } });
  });
}

// POST /api/v1/{api} — create a content item of a list API from JSON field values (API key with POST); 201 {"id"}.
export function POST(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const { api } = await params;
    refuseDrafts(request.url);
    return Response.json(await createContent(actor, api, await readJson(request)), { status: 201 });
  });
}

// PATCH /api/v1/{api} — change an object API's item, created on its first write (API key with PATCH); 200 {"id"}.
export function PATCH(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const { api } = await params;
    refuseDrafts(request.url);
    return Response.json(await writeObject(actor, api, await readJson(request)));
  });
}

const other = notAllowed('GET', 'POST', 'PATCH');
export const PUT = other;
export const DELETE = other;
