import { MarkCategory, WRITTEN_CATEGORIES } from '../school/entities/mark-type.entity';
import { addDays, IsoDate } from '../school/calendar/working-calendar';

/** The kind of work of a lesson (§4.4.1): an ordinary lesson, a practical, a laboratory work, a test (контрольная). */
export type WorkKind = 'lesson' | 'practical' | 'lab' | 'test';
export const WORK_KINDS: readonly WorkKind[] = ['lesson', 'practical', 'lab', 'test'];
/** Lesson kinds whose written marks are due within a number of working days (§4.4.8: контрольные, практические, лабораторные). */
const CONTROL_KINDS: readonly WorkKind[] = ['test', 'lab', 'practical'];

/** The working-day rule the deadlines count with (WorkingCalendar of the lesson's grade). */
export interface DeadlineCalendar {
  isWorkingDay(date: IsoDate): boolean;
  addWorkingDays(date: IsoDate, n: number): IsoDate | null;
}

/** An outage window (§4.4.14) as school-local dates: the day it began and the day access returned. */
export interface OutageDays {
  from: IsoDate;
  to: IsoDate;
}

export interface LessonDeadlineFacts {
  lessonDate: IsoDate;
  grade: number;
  workKind: WorkKind;
  /** the date of the assignment's next held (not cancelled) lesson on a later day; null when there is none */
  nextLessonDate: IsoDate | null;
  calendar: DeadlineCalendar;
  outages: readonly OutageDays[];
}

/** n working days after `date`; when the year ends first, n calendar days (the year's last entries are still due). */
function workingDaysAfter(calendar: DeadlineCalendar, date: IsoDate, n: number): IsoDate {
  return calendar.addWorkingDays(date, n) ?? addDays(date, n);
}

/** The first working day strictly after `date` (the date itself + 1 calendar day when the year has none left). */
function nextWorkingDay(calendar: DeadlineCalendar, date: IsoDate): IsoDate {
  return calendar.addWorkingDays(addDays(date, 1), 0) ?? addDays(date, 1);
}

/**
 * Moves a deadline for outage windows (§4.4.14 «журнал должен быть заполнен в течение рабочего дня с момента
 * возобновления доступа»): an outage that overlaps [lesson day, deadline] moves the deadline to at least the first
 * working day after the day access returned. Applied until stable, so an outage that meets the moved deadline moves it
 * again.
 */
export function applyOutages(lessonDate: IsoDate, deadline: IsoDate, outages: readonly OutageDays[], calendar: DeadlineCalendar): IsoDate {
  let result = deadline;
  let moved = true;
  while (moved) {
    moved = false;
    for (const o of outages) {
      if (o.from <= result && o.to >= lessonDate) {
        const after = nextWorkingDay(calendar, o.to);
        if (after > result) {
          result = after;
          moved = true;
        }
      }
    }
  }
  return result;
}

/**
 * The base deadline of the lesson's record, attendance and homework (§4.4.4, §4.4.5): the lesson's day.
 */
export function recordDeadline(f: LessonDeadlineFacts): IsoDate {
  return applyOutages(f.lessonDate, f.lessonDate, f.outages, f.calendar);
}

/**
 * The deadline of a mark of a category (§4.4.8), our interpretation:
 * - written categories (WRITTEN_CATEGORIES) on a lesson of kind test, lab or practical: within 2 working days after
 *   the lesson date for grades 1–4, within 5 working days for grades 5–11 (counted on the grade's working calendar);
 * - other written work (grades 2–11): by the date of the assignment's next held lesson on a later day (a twin lesson
 *   of the same day is not «the next lesson»); 5 working days when there is none;
 * - oral and other marks: the lesson's day (§4.4.4).
 * An outage window overlapping [lesson day, deadline] then moves it (applyOutages).
 */
export function markDeadline(f: LessonDeadlineFacts, category: MarkCategory): IsoDate {
  let base: IsoDate;
  if (!WRITTEN_CATEGORIES.includes(category)) {
    base = f.lessonDate;
  } else if (CONTROL_KINDS.includes(f.workKind)) {
    base = workingDaysAfter(f.calendar, f.lessonDate, f.grade <= 4 ? 2 : 5);
  } else {
    base = f.nextLessonDate ?? workingDaysAfter(f.calendar, f.lessonDate, 5);
  }
  return applyOutages(f.lessonDate, base, f.outages, f.calendar);
}

/** An entry is late when written (school-local date) after its deadline; late entries are accepted and flagged. */
export function isLate(writtenOn: IsoDate, deadline: IsoDate): boolean {
  return writtenOn > deadline;
}

/**
 * §3.7: grade 1 gets homework only from the second half-year — from the start of half-year 2, quarter 3 or trimester 2
 * of the study periods that cover grade 1 (the first of them that exists, in that order); without such periods from
 * 1 January of the academic year. Returns the first date homework may be set in grade 1.
 */
export function grade1HomeworkFrom(
  yearStartsOn: IsoDate,
  periods: ReadonlyArray<{ kind: string; number: number; startsOn: IsoDate }>,
): IsoDate {
  const find = (kind: string, n: number) => periods.find((p) => p.kind === kind && p.number === n)?.startsOn;
  return find('half_year', 2) ?? find('quarter', 3) ?? find('trimester', 2) ?? `${Number(yearStartsOn.slice(0, 4)) + 1}-01-01`;
}

/** Russian text: at least one Cyrillic letter. */
export function isRussianText(text: string): boolean {
  return /[А-Яа-яЁё]/.test(text);
}
