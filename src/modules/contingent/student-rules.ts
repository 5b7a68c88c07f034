/**
 * §4.3.6 (R-CON-7): the class teacher confirms each student's personal data monthly; a card whose last confirmation
 * is older than this many days (or that was never confirmed) is listed as unverified.
 */
export const VERIFICATION_MAX_AGE_DAYS = 30;

/** An ISO date shifted by whole days ('YYYY-MM-DD'). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}
