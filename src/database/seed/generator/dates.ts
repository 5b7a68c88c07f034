/**
 * Calendar arithmetic on day numbers (whole days since 1970-01-01, UTC). Everything is UTC so the
 * result never depends on the process time zone.
 */

const MS_PER_DAY = 86_400_000;

/** 0 = Sunday … 6 = Saturday, as in Date#getUTCDay. */
export const SUNDAY = 0;
export const MONDAY = 1;
export const THURSDAY = 4;
export const FRIDAY = 5;
export const SATURDAY = 6;

/** Day number of a calendar date; month is 1-based. */
export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** 'YYYY-MM-DD' of a day number. */
export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of a 'YYYY-MM-DD' string (validated). */
export function parseIsoDate(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${text}`);
  const day = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
  if (isoDate(day) !== text) throw new RangeError(`no such date: ${text}`);
  return day;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The first day on or after `day` that falls on `wd`. */
export function onOrAfter(day: number, wd: number): number {
  return day + ((wd - weekday(day) + 7) % 7);
}

/** The last day on or before `day` that falls on `wd`. */
export function onOrBefore(day: number, wd: number): number {
  return day - ((weekday(day) - wd + 7) % 7);
}

/** The n-th (1-based) weekday `wd` of a month. */
export function nthWeekdayOfMonth(year: number, month: number, wd: number, n: number): number {
  return onOrAfter(dayOf(year, month, 1), wd) + 7 * (n - 1);
}

/** The last weekday `wd` of a month. */
export function lastWeekdayOfMonth(year: number, month: number, wd: number): number {
  return onOrBefore(dayOf(year, month + 1, 0), wd);
}
