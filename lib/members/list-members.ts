import 'server-only';
import { asc } from 'drizzle-orm';
import { db } from '@/db';
import { members } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';

export type MemberChoice = { id: string; name: string; email: string };

/** Everyone who can be made the creator of media: for those who may change creators (edit right). */
export function listMemberChoices(actor: Actor): MemberChoice[] {
  if (!actor.media.edit) return [];
  return db().select({ id: members.id, name: members.name, email: members.email }).from(members).orderBy(asc(members.name), asc(members.email)).all();
}
