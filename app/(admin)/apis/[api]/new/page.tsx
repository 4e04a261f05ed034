import type { Metadata } from 'next';
import { ContentPage } from '../content-page';

export const metadata: Metadata = { title: 'New content' };

export default async function NewContentPage({ params }: { params: Promise<{ api: string }> }) {
  const { api } = await params;
  return <ContentPage endpoint={api} contentId={null} />;
}
