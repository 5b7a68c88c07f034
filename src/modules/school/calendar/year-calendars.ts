import { EntityManager } from 'typeorm';
import { preparedQuery } from '../../../database/prepared';
import { WorkingCalendar } from './working-calendar';

/** An academic year with what its calendar is made of (week patterns, holidays by grade band, calendar days). */
export interface YearCalendarData {
  id: string;
  startsOn: string;
  endsOn: string;
  patterns: Array<{ gradeFrom: number; gradeTo: number; daysPerWeek: 5 | 6 }>;
  holidays: Array<{ name: string; startsOn: string; endsOn: string; gradeFrom: number; gradeTo: number }>;
  days: Array<{ date: string; kind: 'non_working' | 'working'; reason: string }>;
}

/** The school's week has 5 days unless a week pattern says 6. */
export const DEFAULT_DAYS_PER_WEEK = 5;

/** The working calendars of a school's academic years, per grade, built once each. */
export interface YearCalendars {
  years: YearCalendarData[];
  /** the year a date belongs to, if any */
  yearOf(date: string): YearCalendarData | undefined;
  /** the working calendar of a grade in a year (the grade band's holidays and week), with its days a week */
  of(year: YearCalendarData, grade: number): { calendar: WorkingCalendar; daysPerWeek: number };
}

/**
 * The statement reading the data of the school's academic years that meet [from, to] (YearCalendarData rows), with
 * the placeholders of the school, from and to — for a caller folding it into a statement of its own.
 */
export function yearCalendarsSelect(school: string, from: string, to: string): string {
  return `SELECT y.id, to_char(y.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(y.ends_on, 'YYYY-MM-DD') AS "endsOn",
            (SELECT coalesce(json_agg(json_build_object('gradeFrom', p.grade_from, 'gradeTo', p.grade_to, 'daysPerWeek', p.days_per_week)), '[]')
               FROM week_pattern p WHERE p.academic_year_id = y.id) AS patterns,
            (SELECT coalesce(json_agg(json_build_object('name', h.name, 'startsOn', h.starts_on, 'endsOn', h.ends_on,
                                                        'gradeFrom', h.grade_from, 'gradeTo', h.grade_to) ORDER BY h.starts_on), '[]')
               FROM holiday h WHERE h.academic_year_id = y.id) AS holidays,
            (SELECT coalesce(json_agg(json_build_object('date', c.date, 'kind', c.kind, 'reason', c.reason)), '[]')
               FROM calendar_day c WHERE c.academic_year_id = y.id) AS days
       FROM academic_year y
      WHERE y.school_id = ${school} AND y.starts_on <= ${to}::date AND y.ends_on >= ${from}::date`;
}

const YEAR_CALENDARS = yearCalendarsSelect('$1', '$2', '$3');

/**
 * The working calendars (WorkingCalendar: the year, the grade band's holidays, non-working and moved working days, the
 * 5- or 6-day week) of the school's academic years that meet [from, to], read in one query on the caller's manager.
 * The one way the timetable views, the dated lessons, the journal's deadlines, the diary and the seed build them.
 */
export async function yearCalendars(m: EntityManager, schoolId: string, from: string, to: string): Promise<YearCalendars> {
  return calendarsOf(await preparedQuery<YearCalendarData>(m, YEAR_CALENDARS, [schoolId, from, to]));
}

/** The working calendars of these years (as yearCalendarsSelect reads them), each built on first use. */
export function calendarsOf(years: YearCalendarData[]): YearCalendars {
  const built = new Map<string, { calendar: WorkingCalendar; daysPerWeek: number }>();
  return {
    years,
    yearOf: (date) => years.find((y) => y.startsOn <= date && date <= y.endsOn),
    of: (y, grade) => {
      const key = `${y.id}:${grade}`;
      let c = built.get(key);
      if (!c) {
        const daysPerWeek = y.patterns.find((p) => p.gradeFrom <= grade && grade <= p.gradeTo)?.daysPerWeek ?? DEFAULT_DAYS_PER_WEEK;
        const calendar = new WorkingCalendar({
          yearStartsOn: y.startsOn,
          yearEndsOn: y.endsOn,
          daysPerWeek,
          holidays: y.holidays.filter((h) => h.gradeFrom <= grade && grade <= h.gradeTo),
          nonWorkingDays: y.days.filter((d) => d.kind === 'non_working').map((d) => d.date),
          workingDays: y.days.filter((d) => d.kind === 'working').map((d) => d.date),
        });
        c = { calendar, daysPerWeek };
        built.set(key, c);
      }
      return c;
    },
  };
}
