/**
 * The calendar of a Russian school year (календарный учебный график) for a given start year,
 * derived from weekday rules so that any year works. For 2024/2025 the rules reproduce the
 * calendar of the Federal educational programme (ФОП) exactly.
 *
 * Rules (Y = start year):
 * - academic year: 1 September Y … 31 May Y+1;
 * - 1st quarter starts on 1 September, or 2 September when the 1st is a Sunday;
 * - autumn holidays: the 9 days from the Saturday before the last Monday of October; when the next
 *   Monday is 4 November (a state holiday) they run to 4 November and the 2nd quarter starts on the 5th;
 * - 2nd quarter ends on 28 December (27 December when the 28th is a Sunday);
 * - 3rd quarter starts on 9 January when that is Monday–Thursday, otherwise on the next Monday;
 * - spring holidays: the 9 days (Saturday … Sunday) before the first Monday on or after 29 March,
 *   which starts the 4th quarter;
 * - 4th quarter ends on 26 May (25 May when the 26th is a Sunday);
 * - holidays in the year add up to at least 30 days: if not, the winter holidays start earlier;
 * - first graders get an extra week in February: Saturday … Sunday around the third Monday;
 * - grades 10–11 study in half-years: 1st = quarters 1–2, 2nd = quarters 3–4.
 */
import {
  MONDAY,
  SUNDAY,
  THURSDAY,
  dayOf,
  isoDate,
  lastWeekdayOfMonth,
  nthWeekdayOfMonth,
  onOrAfter,
  weekday,
} from './dates';

export interface GeneratedAcademicYear {
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface GeneratedStudyPeriod {
  kind: 'quarter' | 'half_year';
  number: number;
  name: string;
  gradeFrom: number;
  gradeTo: number;
  startsOn: string;
  endsOn: string;
}

export interface GeneratedHoliday {
  name: string;
  startsOn: string;
  endsOn: string;
  gradeFrom: number;
  gradeTo: number;
}

export interface GeneratedCalendarDay {
  date: string;
  kind: 'non_working' | 'working';
  reason: string;
}

export interface GeneratedWeekPattern {
  gradeFrom: number;
  gradeTo: number;
  daysPerWeek: 5 | 6;
}

export interface SchoolCalendar {
  academicYear: GeneratedAcademicYear;
  studyPeriods: GeneratedStudyPeriod[];
  holidays: GeneratedHoliday[];
  calendarDays: GeneratedCalendarDay[];
  weekPatterns: GeneratedWeekPattern[];
}

/** Grades that study in quarters and in half-years. */
export const QUARTER_GRADES = { gradeFrom: 1, gradeTo: 9 } as const;
export const HALF_YEAR_GRADES = { gradeFrom: 10, gradeTo: 11 } as const;

export const HOLIDAY_NAMES = {
  autumn: 'Осенние каникулы',
  winter: 'Зимние каникулы',
  spring: 'Весенние каникулы',
  firstGrade: 'Дополнительные каникулы для первоклассников',
} as const;

/** Minimum total length of holidays within the academic year, in days. */
export const MIN_HOLIDAY_DAYS = 30;

/** Academic-year start for a date: 1 August or later → that year, else the previous one (UTC). */
export function currentAcademicStartYear(today: Date): number {
  const year = today.getUTCFullYear();
  return today.getUTCMonth() >= 7 ? year : year - 1;
}

/** Day numbers of the boundaries, before formatting. */
export interface CalendarBoundaries {
  yearStart: number;
  yearEnd: number;
  quarters: Array<[start: number, end: number]>;
  autumn: [number, number];
  winter: [number, number];
  spring: [number, number];
  firstGradeFebruary: [number, number];
}

export function calendarBoundaries(startYear: number): CalendarBoundaries {
  if (!Number.isInteger(startYear) || startYear < 1971 || startYear > 9000) {
    throw new RangeError(`startYear must be an integer year, got ${startYear}`);
  }
  const Y = startYear;
  const yearStart = dayOf(Y, 9, 1);
  const yearEnd = dayOf(Y + 1, 5, 31);

  const q1Start = weekday(yearStart) === SUNDAY ? yearStart + 1 : yearStart;

  const autumnStart = lastWeekdayOfMonth(Y, 10, MONDAY) - 2;
  let autumnEnd = autumnStart + 8;
  let q2Start = autumnEnd + 1;
  if (q2Start === dayOf(Y, 11, 4)) {
    autumnEnd = q2Start;
    q2Start += 1;
  }

  const jan9 = dayOf(Y + 1, 1, 9);
  const q3Start = weekday(jan9) >= MONDAY && weekday(jan9) <= THURSDAY ? jan9 : onOrAfter(jan9, MONDAY);

  const q4Start = onOrAfter(dayOf(Y + 1, 3, 29), MONDAY);
  const springStart = q4Start - 9;
  const springEnd = q4Start - 1;

  const may26 = dayOf(Y + 1, 5, 26);
  const q4End = weekday(may26) === SUNDAY ? may26 - 1 : may26;

  const dec28 = dayOf(Y, 12, 28);
  let q2End = weekday(dec28) === SUNDAY ? dec28 - 1 : dec28;
  const length = (a: number, b: number): number => b - a + 1;
  const fixedHolidayDays = length(autumnStart, autumnEnd) + length(springStart, springEnd);
  while (fixedHolidayDays + length(q2End + 1, q3Start - 1) < MIN_HOLIDAY_DAYS) {
    q2End -= 1;
    if (weekday(q2End) === SUNDAY) q2End -= 1;
  }

  const thirdMondayOfFebruary = nthWeekdayOfMonth(Y + 1, 2, MONDAY, 3);

  return {
    yearStart,
    yearEnd,
    quarters: [
      [q1Start, autumnStart - 1],
      [q2Start, q2End],
      [q3Start, springStart - 1],
      [q4Start, q4End],
    ],
    autumn: [autumnStart, autumnEnd],
    winter: [q2End + 1, q3Start - 1],
    spring: [springStart, springEnd],
    firstGradeFebruary: [thirdMondayOfFebruary - 2, thirdMondayOfFebruary + 6],
  };
}

/** State non-working days (ст. 112 ТК РФ) that fall inside September … May, except 1–8 January. */
const STATE_HOLIDAYS: ReadonlyArray<{ month: number; day: number; reason: string }> = [
  { month: 11, day: 4, reason: 'День народного единства' },
  { month: 2, day: 23, reason: 'День защитника Отечества' },
  { month: 3, day: 8, reason: 'Международный женский день' },
  { month: 5, day: 1, reason: 'Праздник Весны и Труда' },
  { month: 5, day: 9, reason: 'День Победы' },
];

export function buildSchoolCalendar(startYear: number): SchoolCalendar {
  const b = calendarBoundaries(startYear);
  const [q1, q2, q3, q4] = b.quarters as [[number, number], [number, number], [number, number], [number, number]];

  const studyPeriods: GeneratedStudyPeriod[] = [
    ...b.quarters.map(([start, end], i) => ({
      kind: 'quarter' as const,
      number: i + 1,
      name: `${i + 1} четверть`,
      ...QUARTER_GRADES,
      startsOn: isoDate(start),
      endsOn: isoDate(end),
    })),
    { kind: 'half_year', number: 1, name: '1 полугодие', ...HALF_YEAR_GRADES, startsOn: isoDate(q1[0]), endsOn: isoDate(q2[1]) },
    { kind: 'half_year', number: 2, name: '2 полугодие', ...HALF_YEAR_GRADES, startsOn: isoDate(q3[0]), endsOn: isoDate(q4[1]) },
  ];

  const holiday = (name: string, [start, end]: [number, number], gradeFrom: number, gradeTo: number): GeneratedHoliday => ({
    name,
    startsOn: isoDate(start),
    endsOn: isoDate(end),
    gradeFrom,
    gradeTo,
  });
  const holidays: GeneratedHoliday[] = [
    holiday(HOLIDAY_NAMES.autumn, b.autumn, 1, 11),
    holiday(HOLIDAY_NAMES.winter, b.winter, 1, 11),
    holiday(HOLIDAY_NAMES.firstGrade, b.firstGradeFebruary, 1, 1),
    holiday(HOLIDAY_NAMES.spring, b.spring, 1, 11),
  ];

  const calendarDays: GeneratedCalendarDay[] = STATE_HOLIDAYS.map(({ month, day, reason }) => ({
    date: isoDate(dayOf(month >= 9 ? startYear : startYear + 1, month, day)),
    kind: 'non_working' as const,
    reason,
  })).sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));

  return {
    academicYear: { name: `${startYear}/${startYear + 1}`, startsOn: isoDate(b.yearStart), endsOn: isoDate(b.yearEnd) },
    studyPeriods,
    holidays,
    calendarDays,
    weekPatterns: [
      { gradeFrom: 1, gradeTo: 4, daysPerWeek: 5 },
      { gradeFrom: 5, gradeTo: 11, daysPerWeek: 6 },
    ],
  };
}
