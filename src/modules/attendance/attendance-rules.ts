import { fieldProblem } from '../../common/errors/problem';
import { addDays } from '../school/calendar/working-calendar';

/** The Monday of the ISO week (Monday to Sunday) containing `date` (YYYY-MM-DD). */
export function mondayOf(date: string): string {
  const isoWeekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return addDays(date, 1 - isoWeekday);
}

/** The longest span a missed-lessons report or a history read may cover. */
export const MAX_SPAN_DAYS = 366;

/**
 * A span of dates asked for either by a study period or by from and to — exactly one of the two (422
 * `period-invalid`); to ≥ from and at most `maxDays` days (422 `date-range-invalid`).
 */
export function spanOf(
  q: { periodId?: string; from?: string; to?: string },
  maxDays = MAX_SPAN_DAYS,
): { periodId: string } | { from: string; to: string } {
  const byDates = q.from !== undefined || q.to !== undefined;
  if (q.periodId !== undefined && byDates) throw fieldProblem('period-invalid', 'periodId', 'name either periodId or from and to, not both');
  if (q.periodId !== undefined) return { periodId: q.periodId };
  if (q.from === undefined || q.to === undefined) throw fieldProblem('period-invalid', q.from === undefined ? 'from' : 'to', 'name periodId, or both from and to');
  if (q.to < q.from) throw fieldProblem('date-range-invalid', 'to', 'must not be before from');
  if (addDays(q.from, maxDays - 1) < q.to) throw fieldProblem('date-range-invalid', 'to', `at most ${maxDays} days`);
  return { from: q.from, to: q.to };
}
