import { createContent } from '@/lib/content/create-content';
import { deleteContent } from '@/lib/content/delete-content';
import { getContent } from '@/lib/content/list-content';
import { updateContent } from '@/lib/content/update-content';
import { apiActor } from '@/lib/http/api-actor';
import { handle, notAllowed } from '@/lib/http/handle';
import { readJson } from '@/lib/http/read-json';
import { refuseDrafts } from '@/lib/http/refuse-drafts';

type Params = { params: Promise<{ api: string; id: string }> };

// GET /api/v1/{api}/{id} — one content item, `fields` picks top-level names (API key with GET on this API).
export function GET(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const { api, id } = await params;
    const query = Object.fromEntries(new URL(request.url).searchParams);
    return Response.json(await getContent(actor, api, id, query), { headers: { 'Cache-Control': 'no-store' } });
  });
}

// PUT /api/v1/{api}/{id} — create a content item with this id (API key with POST); 201 {"id"}, 400 when taken.
export function PUT(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const { api, id } = await params;
    refuseDrafts(request.url);
    return Response.json(await createContent(actor, api, await readJson(request), id), { status: 201 });
  });
}

// PATCH /api/v1/{api}/{id} — change the fields sent (null clears one) (API key with PATCH); 200 {"id"}.
export function PATCH(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const { api, id } = await params;
    refuseDrafts(request.url);
    return Response.json(await updateContent(actor, api, id, await readJson(request)));
  });
}

// DELETE /api/v1/{api}/{id} — delete a content item (API key with DELETE); 202 like microCMS.
export function DELETE(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const { api, id } = await params;
    await deleteContent(actor, api, id);
    return new Response(null, { status: 202 });
  });
}

const other = notAllowed('GET', 'PUT', 'PATCH', 'DELETE');
export const POST = other;
