import { deleteContent } from '@/lib/content/delete-content';
import { getContent } from '@/lib/content/list-content';
import { updateContent } from '@/lib/content/update-content';
import { apiActor } from '@/lib/http/api-actor';
import { handle } from '@/lib/http/handle';
import { readJson } from '@/lib/http/read-json';

type Params = { params: Promise<{ api: string; id: string }> };

// GET /api/v1/{api}/{id} — one content item (API key with GET on this API).
export function GET(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const { api, id } = await params;
    return Response.json(await getContent(actor, api, id), { headers: { 'Cache-Control': 'no-store' } });
  });
}

// PATCH /api/v1/{api}/{id} — change the fields sent (null clears one) (API key with PATCH); 200 {"id"}.
export function PATCH(request: Request, { params }: Params) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    const { api, id } = await params;
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
