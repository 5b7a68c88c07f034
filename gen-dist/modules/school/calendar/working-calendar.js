"use strict";
/**
 * Working-day calculator for a school academic year.
 *
 * Decides whether a school-local calendar date is a working day (рабочий день)
 * and counts / adds working days, taking into account school holidays (каникулы),
 * state holidays and days off by order, and moved working days
 * (перенос рабочего дня, e.g. a working Saturday in a 5-day week).
 *
 * The module is pure and dependency-free. Dates are plain 'YYYY-MM-DD' strings
 * without a time zone; all arithmetic is done on UTC day numbers built with
 * `Date.UTC`, so the result never depends on the process time zone (`TZ`).
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.WorkingCalendar = void 0;
exports.isIsoDate = isIsoDate;
exports.addDays = addDays;
exports.weekday = weekday;
const MS_PER_DAY = 86_400_000;
/** Days in a 400-year Gregorian cycle; also a whole number of weeks (20 871). */
const DAYS_PER_400_YEARS = 146_097;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Day number of 0000-01-01 and 9999-12-31: the range a 4-digit year can express. */
const MIN_DAY = -719_528;
const MAX_DAY = 2_932_896;
function isLeapYear(year) {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
function daysInMonth(year, month) {
    if (month === 2)
        return isLeapYear(year) ? 29 : 28;
    return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
/** Parses a valid ISO date into its parts, or returns null. */
function parseParts(value) {
    if (typeof value !== 'string')
        return null;
    const m = ISO_DATE_RE.exec(value);
    if (m === null)
        return null;
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return null;
    return [year, month, day];
}
/**
 * Days since 1970-01-01 (UTC). `Date.UTC` maps years 0–99 to 1900–1999, so the
 * year is shifted by one 400-year cycle (which has the same calendar) and the
 * cycle length is subtracted back.
 */
function dayNumberOf(year, month, day) {
    return Date.UTC(year + 400, month - 1, day) / MS_PER_DAY - DAYS_PER_400_YEARS;
}
/** Converts an ISO date to a day number; RangeError when malformed. */
function toDay(date, what = 'date') {
    const parts = parseParts(date);
    if (parts === null) {
        throw new RangeError(`${what} must be a real calendar date in 'YYYY-MM-DD' format, got ${JSON.stringify(date)}`);
    }
    return dayNumberOf(parts[0], parts[1], parts[2]);
}
/** Converts a day number back to 'YYYY-MM-DD'. */
function fromDay(dayNumber) {
    if (dayNumber < MIN_DAY || dayNumber > MAX_DAY) {
        throw new RangeError('date arithmetic went outside the years 0000–9999');
    }
    const d = new Date(dayNumber * MS_PER_DAY);
    const year = String(d.getUTCFullYear()).padStart(4, '0');
    const month = String(d.getUTCMonth() + 1).padStart(2, '0');
    const day = String(d.getUTCDate()).padStart(2, '0');
    return `${year}-${month}-${day}`;
}
/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (day 0 = 1970-01-01 was a Thursday). */
function weekdayOfDay(dayNumber) {
    return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}
/** True for a strict 'YYYY-MM-DD' string that is a real calendar date ('2027-02-29' → false). */
function isIsoDate(value) {
    return parseParts(value) !== null;
}
/**
 * The calendar date `n` days after `date` (`n` may be negative).
 * RangeError for a malformed date, a non-integer `n`, or a result outside the years 0000–9999.
 */
function addDays(date, n) {
    if (!Number.isSafeInteger(n)) {
        throw new RangeError(`n must be an integer, got ${String(n)}`);
    }
    return fromDay(toDay(date) + n);
}
/** ISO weekday of `date`: 1 = Monday … 7 = Sunday. RangeError for a malformed date. */
function weekday(date) {
    return weekdayOfDay(toDay(date));
}
/**
 * Working-day calendar of one academic year for one grade.
 *
 * A date is a working day according to these rules, in precedence order:
 * 1. outside [yearStartsOn, yearEndsOn] → not working (summer break);
 * 2. inside a school-holiday range → not working;
 * 3. listed in `nonWorkingDays` → not working;
 * 4. listed in `workingDays` → working;
 * 5. otherwise working iff its ISO weekday ≤ `daysPerWeek`.
 *
 * The whole year is precomputed in the constructor (memory is linear in the
 * length of the year), so every query is O(1) apart from the size of the
 * returned list. The instance keeps no reference to the input data.
 */
class WorkingCalendar {
    /** RangeError when the data is malformed (bad dates, a range that ends before it starts, bad daysPerWeek). */
    constructor(data) {
        const start = toDay(data.yearStartsOn, 'yearStartsOn');
        const end = toDay(data.yearEndsOn, 'yearEndsOn');
        if (start > end) {
            throw new RangeError(`yearStartsOn (${data.yearStartsOn}) must not be after yearEndsOn (${data.yearEndsOn})`);
        }
        const daysPerWeek = data.daysPerWeek;
        if (daysPerWeek !== 5 && daysPerWeek !== 6) {
            throw new RangeError(`daysPerWeek must be 5 or 6, got ${String(daysPerWeek)}`);
        }
        const length = end - start + 1;
        // 0 = not decided yet, 1 = working, 2 = not working.
        const NOT_WORKING = 2;
        const WORKING = 1;
        const state = new Uint8Array(length);
        data.holidays.forEach((range, i) => {
            const from = toDay(range.startsOn, `holidays[${i}].startsOn`);
            const to = toDay(range.endsOn, `holidays[${i}].endsOn`);
            if (from > to) {
                throw new RangeError(`holidays[${i}].startsOn (${range.startsOn}) must not be after endsOn (${range.endsOn})`);
            }
            // Clip to the year: days outside it are non-working anyway.
            for (let d = Math.max(from, start); d <= Math.min(to, end); d++)
                state[d - start] = NOT_WORKING;
        });
        const nonWorking = data.nonWorkingDays.map((date, i) => toDay(date, `nonWorkingDays[${i}]`));
        const working = data.workingDays.map((date, i) => toDay(date, `workingDays[${i}]`));
        for (const d of nonWorking) {
            if (d >= start && d <= end)
                state[d - start] = NOT_WORKING;
        }
        for (const d of working) {
            if (d >= start && d <= end && state[d - start] === 0)
                state[d - start] = WORKING;
        }
        const workingBefore = new Int32Array(length + 1);
        const offsets = [];
        for (let i = 0; i < length; i++) {
            const s = state[i];
            const isWorking = s === WORKING || (s === 0 && weekdayOfDay(start + i) <= daysPerWeek);
            if (isWorking)
                offsets.push(i);
            workingBefore[i + 1] = offsets.length;
        }
        this.start = start;
        this.end = end;
        this.workingBefore = workingBefore;
        this.workingOffsets = Int32Array.from(offsets);
    }
    /** Whether `date` is a working day. RangeError for a malformed date. */
    isWorkingDay(date) {
        const d = toDay(date);
        if (d < this.start || d > this.end)
            return false;
        const i = d - this.start;
        return this.workingBefore[i + 1] !== this.workingBefore[i];
    }
    /**
     * The date `n` working days after `date` (n ≥ 0, integer).
     *
     * Counting starts from the first working day on or after `date`: n = 0
     * returns `date` itself when it is a working day, otherwise the next working
     * day; each further unit moves to the next working day (so from a Sunday,
     * n = 1 is Tuesday in a plain Mon–Fri week). A date before yearStartsOn
     * counts from the first working day of the year.
     *
     * Returns null when the count runs past yearEndsOn (also for any `date`
     * after yearEndsOn). RangeError for a negative or non-integer `n` or a
     * malformed date.
     */
    addWorkingDays(date, n) {
        if (!Number.isInteger(n) || n < 0) {
            throw new RangeError(`n must be a non-negative integer, got ${String(n)}`);
        }
        const d = toDay(date);
        if (d > this.end)
            return null;
        // Index (into workingOffsets) of the first working day on or after `date`.
        const first = d < this.start ? 0 : (this.workingBefore[d - this.start] ?? 0);
        const target = first + n;
        if (target >= this.workingOffsets.length)
            return null;
        return fromDay(this.start + (this.workingOffsets[target] ?? 0));
    }
    /** Number of working days in [from, to], inclusive; 0 when to < from. RangeError for a malformed date. */
    countWorkingDays(from, to) {
        const range = this.clip(from, to);
        if (range === null)
            return 0;
        return (this.workingBefore[range[1] + 1] ?? 0) - (this.workingBefore[range[0]] ?? 0);
    }
    /** Working days in [from, to], inclusive, ascending; empty when to < from. RangeError for a malformed date. */
    workingDaysBetween(from, to) {
        const range = this.clip(from, to);
        if (range === null)
            return [];
        const result = [];
        const last = this.workingBefore[range[1] + 1] ?? 0;
        for (let k = this.workingBefore[range[0]] ?? 0; k < last; k++) {
            result.push(fromDay(this.start + (this.workingOffsets[k] ?? 0)));
        }
        return result;
    }
    /** [from, to] intersected with the year, as offsets from `start`; null when empty. */
    clip(from, to) {
        const lo = Math.max(toDay(from, 'from'), this.start);
        const hi = Math.min(toDay(to, 'to'), this.end);
        return lo > hi ? null : [lo - this.start, hi - this.start];
    }
}
exports.WorkingCalendar = WorkingCalendar;
//# sourceMappingURL=working-calendar.js.map