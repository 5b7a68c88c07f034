import { membershipEnd, normalizeSubgroupName } from './subgroup-rules';

describe('subgroup rules', () => {
  it('a subgroup name is trimmed and its inner spaces collapsed', () => {
    expect(normalizeSubgroupName('  1   группа ')).toBe('1 группа');
  });

  it('ending a membership closes it after its first day, deletes a same-day mistake, refuses a date before it began', () => {
    expect(membershipEnd('2026-09-01', '2026-10-01')).toBe('close');
    expect(membershipEnd('2026-09-01', '2026-09-01')).toBe('delete');
    expect(membershipEnd('2026-09-01', '2026-08-31')).toBe('before-start');
  });
});
