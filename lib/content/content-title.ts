import { valueOf, type ApiField } from './schemas';

/** What to call a content item: its first non-empty text field, else its id. */
export function contentTitle(fields: ApiField[], data: Record<string, unknown>, id: string): string {
  for (const field of fields) {
    const value = valueOf(data, field.id);
    if (field.kind === 'text' && typeof value === 'string' && value.trim()) return value.trim().slice(0, 120);
  }
  return id;
}
