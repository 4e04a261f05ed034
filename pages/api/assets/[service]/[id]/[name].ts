import type { NextApiRequest, NextApiResponse } from 'next';
import { deliver } from '@/lib/delivery/deliver';
import { pagesRoute } from '@/lib/http/pages-route';
import { sendAnswer } from '@/lib/http/send-answer';

// A Pages API route on purpose: next.config.ts (the rewrite) says why.
// Next reads this statically: it must be a literal here.
export const config = { api: { bodyParser: false, responseLimit: false, externalResolver: true } };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

// GET/HEAD /assets/{serviceId}/{mediaId}/{fileName} — public delivery: the original bytes, or an Image API variant.
async function get(req: NextApiRequest, res: NextApiResponse) {
  const address = { service: one(req.query.service), id: one(req.query.id), fileName: one(req.query.name) };
  sendAnswer(res, await deliver(address, { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers }));
}

export default pagesRoute({ GET: get, HEAD: get });
