import { apiActor } from '@/lib/http/api-actor';
import { handle, notAllowed } from '@/lib/http/handle';
import { readJson } from '@/lib/http/read-json';
import { mergeMedia } from '@/lib/media/merge-media';

// POST /api/v1/media/merge — JSON {keep, merge: [ids], confirmNear?}: re-point every reference of the merged
// duplicates to `keep` and move them to Trash; 200 with a per-item report (API key with media get, edit and delete).
export function POST(request: Request) {
  return handle(async () => {
    const actor = await apiActor(request.headers);
    return Response.json(await mergeMedia(actor, await readJson(request)));
  });
}

const other = notAllowed('POST');
export const GET = other;
export const PUT = other;
export const PATCH = other;
export const DELETE = other;
