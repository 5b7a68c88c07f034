import { MONDAY, SATURDAY, SUNDAY, parseIsoDate, weekday } from './dates';
import {
  HOLIDAY_NAMES,
  MIN_HOLIDAY_DAYS,
  type SchoolCalendar,
  buildSchoolCalendar,
  currentAcademicStartYear,
} from './school-calendar';

const days = (from: string, to: string): number => parseIsoDate(to) - parseIsoDate(from) + 1;
const overlaps = (a: { startsOn: string; endsOn: string }, b: { startsOn: string; endsOn: string }): boolean =>
  a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
const bandsIntersect = (a: { gradeFrom: number; gradeTo: number }, b: { gradeFrom: number; gradeTo: number }): boolean =>
  a.gradeFrom <= b.gradeTo && b.gradeFrom <= a.gradeTo;

// 28 consecutive years cover every weekday/leap-year combination of the Gregorian calendar (1901–2099).
const YEARS = Array.from({ length: 28 }, (_, i) => 2020 + i);
const calendars: Array<[number, SchoolCalendar]> = YEARS.map((y) => [y, buildSchoolCalendar(y)]);

const quarters = (c: SchoolCalendar) => c.studyPeriods.filter((p) => p.kind === 'quarter');
const halves = (c: SchoolCalendar) => c.studyPeriods.filter((p) => p.kind === 'half_year');
const holidayNamed = (c: SchoolCalendar, name: string) => {
  const h = c.holidays.find((x) => x.name === name);
  if (!h) throw new Error(`no ${name}`);
  return h;
};

describe('school calendar', () => {
  it('reproduces the federal calendar (ФОП) of 2024/2025', () => {
    const c = buildSchoolCalendar(2024);
    expect(c.academicYear).toEqual({ name: '2024/2025', startsOn: '2024-09-01', endsOn: '2025-05-31' });
    expect(quarters(c).map((q) => [q.name, q.startsOn, q.endsOn])).toEqual([
      ['1 четверть', '2024-09-02', '2024-10-25'],
      ['2 четверть', '2024-11-05', '2024-12-28'],
      ['3 четверть', '2025-01-09', '2025-03-21'],
      ['4 четверть', '2025-03-31', '2025-05-26'],
    ]);
    expect(c.holidays.map((h) => [h.name, h.startsOn, h.endsOn, h.gradeFrom, h.gradeTo])).toEqual([
      ['Осенние каникулы', '2024-10-26', '2024-11-04', 1, 11],
      ['Зимние каникулы', '2024-12-29', '2025-01-08', 1, 11],
      ['Дополнительные каникулы для первоклассников', '2025-02-15', '2025-02-23', 1, 1],
      ['Весенние каникулы', '2025-03-22', '2025-03-30', 1, 11],
    ]);
  });

  it('names the year and the periods in Russian: «2026/2027», «1 четверть», «2 полугодие»', () => {
    const c = buildSchoolCalendar(2026);
    expect(c.academicYear.name).toBe('2026/2027');
    expect(c.studyPeriods.map((p) => p.name)).toEqual([
      '1 четверть', '2 четверть', '3 четверть', '4 четверть', '1 полугодие', '2 полугодие',
    ]);
    expect(quarters(c).every((q) => q.gradeFrom === 1 && q.gradeTo === 9)).toBe(true);
    expect(halves(c).every((q) => q.gradeFrom === 10 && q.gradeTo === 11)).toBe(true);
  });

  it.each(calendars)('%i: the year runs 1 September … 31 May and the first lesson is not on a Sunday', (y, c) => {
    expect(c.academicYear).toEqual({ name: `${y}/${y + 1}`, startsOn: `${y}-09-01`, endsOn: `${y + 1}-05-31` });
    const first = quarters(c)[0]!.startsOn;
    expect(first === `${y}-09-01` || (first === `${y}-09-02` && weekday(parseIsoDate(`${y}-09-01`)) === SUNDAY)).toBe(true);
    expect(weekday(parseIsoDate(first))).not.toBe(SUNDAY);
  });

  it.each(calendars)('%i: periods lie inside the year, in order, without overlaps within a band', (_y, c) => {
    for (const p of c.studyPeriods) {
      expect(p.startsOn <= p.endsOn).toBe(true);
      expect(p.startsOn >= c.academicYear.startsOn && p.endsOn <= c.academicYear.endsOn).toBe(true);
    }
    for (const band of [quarters(c), halves(c)]) {
      expect(band.map((p) => p.number)).toEqual(band.map((_, i) => i + 1));
      for (let i = 1; i < band.length; i++) expect(band[i - 1]!.endsOn < band[i]!.startsOn).toBe(true);
    }
  });

  it.each(calendars)('%i: half-year boundaries coincide with the quarter 2/3 boundaries', (_y, c) => {
    const [q1, q2, q3, q4] = quarters(c);
    const [h1, h2] = halves(c);
    expect([h1!.startsOn, h1!.endsOn, h2!.startsOn, h2!.endsOn]).toEqual([q1!.startsOn, q2!.endsOn, q3!.startsOn, q4!.endsOn]);
  });

  it.each(calendars)('%i: holidays fill the gaps between quarters; only the grade-1 February week lies inside a quarter', (_y, c) => {
    const qs = quarters(c);
    for (const h of c.holidays) {
      expect(h.startsOn >= c.academicYear.startsOn && h.endsOn <= c.academicYear.endsOn).toBe(true);
      const inside = qs.filter((q) => bandsIntersect(q, h) && overlaps(q, h));
      if (h.name === HOLIDAY_NAMES.firstGrade) {
        expect([h.gradeFrom, h.gradeTo]).toEqual([1, 1]);
        expect(inside.map((q) => q.number)).toEqual([3]);
        expect(h.startsOn > inside[0]!.startsOn && h.endsOn < inside[0]!.endsOn).toBe(true);
      } else {
        expect([h.gradeFrom, h.gradeTo]).toEqual([1, 11]);
        expect(inside).toEqual([]);
      }
    }
    // each gap between quarters is exactly one holiday
    for (let i = 1; i < qs.length; i++) {
      const gap = c.holidays.filter((h) => h.gradeTo > 1 && h.startsOn > qs[i - 1]!.endsOn && h.endsOn < qs[i]!.startsOn);
      expect(gap).toHaveLength(1);
      expect(days(qs[i - 1]!.endsOn, gap[0]!.startsOn)).toBe(2);
      expect(days(gap[0]!.endsOn, qs[i]!.startsOn)).toBe(2);
    }
  });

  it.each(calendars)('%i: winter holidays separate the half-years of grades 10–11', (_y, c) => {
    const [h1, h2] = halves(c);
    const winter = holidayNamed(c, HOLIDAY_NAMES.winter);
    expect(days(h1!.endsOn, winter.startsOn)).toBe(2);
    expect(days(winter.endsOn, h2!.startsOn)).toBe(2);
  });

  it.each(calendars)('%i: holidays follow the weekday rules and last long enough', (y, c) => {
    const autumn = holidayNamed(c, HOLIDAY_NAMES.autumn);
    const winter = holidayNamed(c, HOLIDAY_NAMES.winter);
    const spring = holidayNamed(c, HOLIDAY_NAMES.spring);
    const february = holidayNamed(c, HOLIDAY_NAMES.firstGrade);
    expect(weekday(parseIsoDate(autumn.startsOn))).toBe(SATURDAY);
    expect(autumn.startsOn >= `${y}-10-23` && autumn.startsOn <= `${y}-10-29`).toBe(true);
    expect(weekday(parseIsoDate(spring.startsOn))).toBe(SATURDAY);
    expect(weekday(parseIsoDate(spring.endsOn))).toBe(SUNDAY);
    expect(weekday(parseIsoDate(quarters(c)[3]!.startsOn))).toBe(MONDAY);
    expect(weekday(parseIsoDate(february.startsOn))).toBe(SATURDAY);
    expect(february.startsOn >= `${y + 1}-02-13` && february.endsOn <= `${y + 1}-02-27`).toBe(true);
    expect(winter.startsOn >= `${y}-12-25` && winter.endsOn >= `${y + 1}-01-08` && winter.endsOn <= `${y + 1}-01-15`).toBe(true);
    for (const h of [autumn, winter, spring]) expect(days(h.startsOn, h.endsOn)).toBeGreaterThanOrEqual(9);
    expect(days(february.startsOn, february.endsOn)).toBe(9);
    const total = [autumn, winter, spring].reduce((s, h) => s + days(h.startsOn, h.endsOn), 0);
    expect(total).toBeGreaterThanOrEqual(MIN_HOLIDAY_DAYS);
    for (const q of quarters(c)) expect(days(q.startsOn, q.endsOn)).toBeGreaterThanOrEqual(7 * 7);
  });

  it.each(calendars)('%i: state non-working days lie inside the year, one per date, with a reason', (y, c) => {
    expect(c.calendarDays.map((d) => d.date)).toEqual([
      `${y}-11-04`, `${y + 1}-02-23`, `${y + 1}-03-08`, `${y + 1}-05-01`, `${y + 1}-05-09`,
    ]);
    for (const d of c.calendarDays) {
      expect(d.kind).toBe('non_working');
      expect(d.reason.length).toBeGreaterThan(0);
    }
    expect(c.calendarDays.find((d) => d.date.endsWith('-11-04'))!.reason).toBe('День народного единства');
  });

  it('uses a five-day week in grades 1–4 and a six-day week in grades 5–11, covering every grade once', () => {
    const { weekPatterns } = buildSchoolCalendar(2026);
    expect(weekPatterns).toEqual([
      { gradeFrom: 1, gradeTo: 4, daysPerWeek: 5 },
      { gradeFrom: 5, gradeTo: 11, daysPerWeek: 6 },
    ]);
  });

  it('rejects a start year that is not an integer year', () => {
    expect(() => buildSchoolCalendar(2026.5)).toThrow(RangeError);
    expect(() => buildSchoolCalendar(Number.NaN)).toThrow(RangeError);
  });

  describe('currentAcademicStartYear', () => {
    it.each([
      ['2026-08-01T00:00:00Z', 2026],
      ['2026-12-31T23:59:59Z', 2026],
      ['2027-01-01T00:00:00Z', 2026],
      ['2027-07-31T23:59:59Z', 2026],
      ['2027-08-01T00:00:00Z', 2027],
    ])('%s → %i (UTC, 1 August or later starts the year)', (iso, year) => {
      expect(currentAcademicStartYear(new Date(iso))).toBe(year);
    });
  });
});
