import 'server-only';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { db } from '@/db';
import { apis, memberRoles, roles } from '@/db/schema';
import { loadMemberActor } from '@/lib/auth/actor';
import { createApi } from '@/lib/content/create-api';
import { createContent } from '@/lib/content/create-content';
import { uploadMedia } from '@/lib/media/upload-media';
import { deliveryUrl } from '@/lib/media/urls';

const DEMO_FIELDS = [
  { id: 'title', name: 'Title', kind: 'text', required: true },
  { id: 'eyecatch', name: 'Eyecatch', kind: 'image' },
  { id: 'gallery', name: 'Gallery', kind: 'multipleImages' },
  { id: 'attachment', name: 'Attachment', kind: 'file' },
  { id: 'body', name: 'Body', kind: 'richEditor' },
];

/** A picture drawn from shapes (no fonts needed), so the demo has real images of its own. */
function picture(width: number, height: number, from: string, to: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.75}" cy="${height * 0.3}" r="${height * 0.12}" fill="#fff8" />
    <path fill="#0004" d="M0 ${height} L${width * 0.35} ${height * 0.45} L${width * 0.6} ${height * 0.8}
      L${width * 0.8} ${height * 0.55} L${width} ${height} Z"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

const GUIDE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 ' +
    '0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/**
 * `KURA_DEMO=1`: a newcomer's first look at a working CMS — the API `blogs`, a few media and one post
 * that uses them through every media field. Does nothing once `blogs` exists.
 */
export async function ensureDemo(): Promise<void> {
  if ((await db().select({ id: apis.id }).from(apis).where(eq(apis.endpoint, 'blogs')).limit(1))[0]) return;
  const admin = (
    await db()
      .select({ id: memberRoles.memberId })
      .from(memberRoles)
      .innerJoin(roles, eq(roles.id, memberRoles.roleId))
      .where(eq(roles.builtin, 'administrator'))
      .limit(1)
  )[0];
  const actor = admin && (await loadMemberActor(admin.id));
  if (!actor) return;
  await createApi(actor, { endpoint: 'blogs', name: 'Blog', fields: DEMO_FIELDS });
  const upload = async (fileName: string, bytes: Buffer) =>
    uploadMedia(actor, { fileName, stream: Readable.from([bytes]) });
  const cover = await upload('demo-cover.jpg', await picture(1200, 630, '#4f46e5', '#0ea5e9'));
  const dusk = await upload('demo-dusk.jpg', await picture(800, 600, '#f97316', '#7c3aed'));
  const forest = await upload('demo-forest.jpg', await picture(800, 600, '#166534', '#a3e635'));
  const guide = await upload('demo-guide.pdf', GUIDE_PDF);
  await createContent(actor, 'blogs', {
    title: 'Welcome to Kura',
    eyecatch: cover.id,
    gallery: [dusk.id, forest.id],
    attachment: guide.id,
    body:
      `<h2>Your media, in one place</h2><p>This post uses four media ` +
      `items. Open any of them in <a href="/media">Media</a>: ` +
      `the panel lists this post under references, and Kura refuses to delete it while the post uses it.</p>` +
      `<img src="${deliveryUrl(dusk)}" alt="" width="${dusk.width}" height="${dusk.height}">` +
      `<p>Download <a href="${deliveryUrl(guide)}">the guide</a>.</p>`,
  });
  console.log('[kura] KURA_DEMO: created the API "blogs" with one post and four media');
}
