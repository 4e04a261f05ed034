import type { Metadata } from 'next';
import { ContentPage } from '../content-page';

export const metadata: Metadata = { title: 'Edit content' };

export default async function EditContentPage({ params }: { params: Promise<{ api: string; contentId: string }> }) {
  const { api, contentId } = await params;
  return <ContentPage endpoint={api} contentId={contentId} />;
}
