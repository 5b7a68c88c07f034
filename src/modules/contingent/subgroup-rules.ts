/** Pure rules of subgroups (подгруппы) and their dated membership [starts_on, ends_on). */

/** A subgroup name trimmed, inner whitespace collapsed: «  1   группа » → «1 группа». */
export function normalizeSubgroupName(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/**
 * How to end an open membership [startsOn, ∞) on `date` (the first day the student is no longer in the subgroup).
 * History is never rewritten, so only the open row is touched:
 * - `date` after `startsOn`: close it (`ends_on = date`); the days in the group stay on record;
 * - `date` equal to `startsOn`: the membership never lasted a single day ([d, d) is empty, and the table's check refuses
 *   `ends_on = starts_on`), so it was a same-day mistake: the row is deleted — no day of history is lost, and the audit
 *   trail still keeps the insert and the delete;
 * - `date` before `startsOn`: refused (it would reach into days the row does not cover, i.e. rewrite history).
 */
export type MembershipEnd = 'close' | 'delete' | 'before-start';

export function membershipEnd(startsOn: string, date: string): MembershipEnd {
  if (date > startsOn) return 'close';
  if (date === startsOn) return 'delete';
  return 'before-start';
}
