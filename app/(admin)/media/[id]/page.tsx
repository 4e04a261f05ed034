import { redirect } from 'next/navigation';
import { mediaId } from '@/lib/media/schemas';

// /media/{id} — a shareable link to one item: the library with its panel open.
export default async function MediaItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  redirect(mediaId.safeParse(id).success ? `/media?selected=${id}` : '/media');
}
