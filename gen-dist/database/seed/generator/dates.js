"use strict";
/**
 * Calendar arithmetic on day numbers (whole days since 1970-01-01, UTC). Everything is UTC so the
 * result never depends on the process time zone.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.SATURDAY = exports.FRIDAY = exports.THURSDAY = exports.MONDAY = exports.SUNDAY = void 0;
exports.dayOf = dayOf;
exports.isoDate = isoDate;
exports.parseIsoDate = parseIsoDate;
exports.weekday = weekday;
exports.onOrAfter = onOrAfter;
exports.onOrBefore = onOrBefore;
exports.nthWeekdayOfMonth = nthWeekdayOfMonth;
exports.lastWeekdayOfMonth = lastWeekdayOfMonth;
const MS_PER_DAY = 86_400_000;
/** 0 = Sunday … 6 = Saturday, as in Date#getUTCDay. */
exports.SUNDAY = 0;
exports.MONDAY = 1;
exports.THURSDAY = 4;
exports.FRIDAY = 5;
exports.SATURDAY = 6;
/** Day number of a calendar date; month is 1-based. */
function dayOf(year, month, day) {
    return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}
/** 'YYYY-MM-DD' of a day number. */
function isoDate(day) {
    return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
/** Day number of a 'YYYY-MM-DD' string (validated). */
function parseIsoDate(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m)
        throw new RangeError(`not a YYYY-MM-DD date: ${text}`);
    const day = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
    if (isoDate(day) !== text)
        throw new RangeError(`no such date: ${text}`);
    return day;
}
/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
function weekday(day) {
    return (((day + 4) % 7) + 7) % 7;
}
/** The first day on or after `day` that falls on `wd`. */
function onOrAfter(day, wd) {
    return day + ((wd - weekday(day) + 7) % 7);
}
/** The last day on or before `day` that falls on `wd`. */
function onOrBefore(day, wd) {
    return day - ((weekday(day) - wd + 7) % 7);
}
/** The n-th (1-based) weekday `wd` of a month. */
function nthWeekdayOfMonth(year, month, wd, n) {
    return onOrAfter(dayOf(year, month, 1), wd) + 7 * (n - 1);
}
/** The last weekday `wd` of a month. */
function lastWeekdayOfMonth(year, month, wd) {
    return onOrBefore(dayOf(year, month + 1, 0), wd);
}
//# sourceMappingURL=dates.js.map