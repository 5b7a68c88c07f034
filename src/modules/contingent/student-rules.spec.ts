import { addDays, VERIFICATION_MAX_AGE_DAYS } from './student-rules';

describe('student rules', () => {
  it('a card counts as unverified after 30 days (§4.3.6)', () => {
    expect(VERIFICATION_MAX_AGE_DAYS).toBe(30);
  });

  it('dates shift across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
