import type { MemberChoice } from '@/lib/members/list-members';

/** A member as a short choice: the name, with the email only when another member has the same name. */
export function memberName(member: MemberChoice, all: MemberChoice[]): string {
  const twin = all.some((m) => m.id !== member.id && m.name === member.name);
  return twin && member.name !== member.email ? `${member.name} (${member.email})` : member.name;
}
