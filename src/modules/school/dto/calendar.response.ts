/** One day of a grade's school calendar. */
export class CalendarDayView {
  /** @example "2026-11-04" */
  date!: string;

  /** ISO weekday, 1 = Monday … 7 = Sunday. @example 3 */
  weekday!: number;

  /** Lessons are held on this day. */
  working!: boolean;

  /** Why the day is not an ordinary one (holiday name, state holiday, moved working day, weekend). @example "День народного единства" */
  reason!: string | null;
}

/** A grade's calendar for a range of days within an academic year. */
export class SchoolCalendarResponse {
  academicYearId!: string;

  /** @example 5 */
  grade!: number;

  /** @example 5 */
  daysPerWeek!: number;

  /** Working days in the range. @example 39 */
  workingDays!: number;

  days!: CalendarDayView[];
}
