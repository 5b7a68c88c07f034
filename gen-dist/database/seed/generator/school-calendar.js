"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIN_HOLIDAY_DAYS = exports.HOLIDAY_NAMES = exports.HALF_YEAR_GRADES = exports.QUARTER_GRADES = void 0;
exports.currentAcademicStartYear = currentAcademicStartYear;
exports.calendarBoundaries = calendarBoundaries;
exports.buildSchoolCalendar = buildSchoolCalendar;
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
const dates_1 = require("./dates");
/** Grades that study in quarters and in half-years. */
exports.QUARTER_GRADES = { gradeFrom: 1, gradeTo: 9 };
exports.HALF_YEAR_GRADES = { gradeFrom: 10, gradeTo: 11 };
exports.HOLIDAY_NAMES = {
    autumn: 'Осенние каникулы',
    winter: 'Зимние каникулы',
    spring: 'Весенние каникулы',
    firstGrade: 'Дополнительные каникулы для первоклассников',
};
/** Minimum total length of holidays within the academic year, in days. */
exports.MIN_HOLIDAY_DAYS = 30;
/** Academic-year start for a date: 1 August or later → that year, else the previous one (UTC). */
function currentAcademicStartYear(today) {
    const year = today.getUTCFullYear();
    return today.getUTCMonth() >= 7 ? year : year - 1;
}
function calendarBoundaries(startYear) {
    if (!Number.isInteger(startYear) || startYear < 1971 || startYear > 9000) {
        throw new RangeError(`startYear must be an integer year, got ${startYear}`);
    }
    const Y = startYear;
    const yearStart = (0, dates_1.dayOf)(Y, 9, 1);
    const yearEnd = (0, dates_1.dayOf)(Y + 1, 5, 31);
    const q1Start = (0, dates_1.weekday)(yearStart) === dates_1.SUNDAY ? yearStart + 1 : yearStart;
    const autumnStart = (0, dates_1.lastWeekdayOfMonth)(Y, 10, dates_1.MONDAY) - 2;
    let autumnEnd = autumnStart + 8;
    let q2Start = autumnEnd + 1;
    if (q2Start === (0, dates_1.dayOf)(Y, 11, 4)) {
        autumnEnd = q2Start;
        q2Start += 1;
    }
    const jan9 = (0, dates_1.dayOf)(Y + 1, 1, 9);
    const q3Start = (0, dates_1.weekday)(jan9) >= dates_1.MONDAY && (0, dates_1.weekday)(jan9) <= dates_1.THURSDAY ? jan9 : (0, dates_1.onOrAfter)(jan9, dates_1.MONDAY);
    const q4Start = (0, dates_1.onOrAfter)((0, dates_1.dayOf)(Y + 1, 3, 29), dates_1.MONDAY);
    const springStart = q4Start - 9;
    const springEnd = q4Start - 1;
    const may26 = (0, dates_1.dayOf)(Y + 1, 5, 26);
    const q4End = (0, dates_1.weekday)(may26) === dates_1.SUNDAY ? may26 - 1 : may26;
    const dec28 = (0, dates_1.dayOf)(Y, 12, 28);
    let q2End = (0, dates_1.weekday)(dec28) === dates_1.SUNDAY ? dec28 - 1 : dec28;
    const length = (a, b) => b - a + 1;
    const fixedHolidayDays = length(autumnStart, autumnEnd) + length(springStart, springEnd);
    while (fixedHolidayDays + length(q2End + 1, q3Start - 1) < exports.MIN_HOLIDAY_DAYS) {
        q2End -= 1;
        if ((0, dates_1.weekday)(q2End) === dates_1.SUNDAY)
            q2End -= 1;
    }
    const thirdMondayOfFebruary = (0, dates_1.nthWeekdayOfMonth)(Y + 1, 2, dates_1.MONDAY, 3);
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
const STATE_HOLIDAYS = [
    { month: 11, day: 4, reason: 'День народного единства' },
    { month: 2, day: 23, reason: 'День защитника Отечества' },
    { month: 3, day: 8, reason: 'Международный женский день' },
    { month: 5, day: 1, reason: 'Праздник Весны и Труда' },
    { month: 5, day: 9, reason: 'День Победы' },
];
function buildSchoolCalendar(startYear) {
    const b = calendarBoundaries(startYear);
    const [q1, q2, q3, q4] = b.quarters;
    const studyPeriods = [
        ...b.quarters.map(([start, end], i) => ({
            kind: 'quarter',
            number: i + 1,
            name: `${i + 1} четверть`,
            ...exports.QUARTER_GRADES,
            startsOn: (0, dates_1.isoDate)(start),
            endsOn: (0, dates_1.isoDate)(end),
        })),
        { kind: 'half_year', number: 1, name: '1 полугодие', ...exports.HALF_YEAR_GRADES, startsOn: (0, dates_1.isoDate)(q1[0]), endsOn: (0, dates_1.isoDate)(q2[1]) },
        { kind: 'half_year', number: 2, name: '2 полугодие', ...exports.HALF_YEAR_GRADES, startsOn: (0, dates_1.isoDate)(q3[0]), endsOn: (0, dates_1.isoDate)(q4[1]) },
    ];
    const holiday = (name, [start, end], gradeFrom, gradeTo) => ({
        name,
        startsOn: (0, dates_1.isoDate)(start),
        endsOn: (0, dates_1.isoDate)(end),
        gradeFrom,
        gradeTo,
    });
    const holidays = [
        holiday(exports.HOLIDAY_NAMES.autumn, b.autumn, 1, 11),
        holiday(exports.HOLIDAY_NAMES.winter, b.winter, 1, 11),
        holiday(exports.HOLIDAY_NAMES.firstGrade, b.firstGradeFebruary, 1, 1),
        holiday(exports.HOLIDAY_NAMES.spring, b.spring, 1, 11),
    ];
    const calendarDays = STATE_HOLIDAYS.map(({ month, day, reason }) => ({
        date: (0, dates_1.isoDate)((0, dates_1.dayOf)(month >= 9 ? startYear : startYear + 1, month, day)),
        kind: 'non_working',
        reason,
    })).sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    return {
        academicYear: { name: `${startYear}/${startYear + 1}`, startsOn: (0, dates_1.isoDate)(b.yearStart), endsOn: (0, dates_1.isoDate)(b.yearEnd) },
        studyPeriods,
        holidays,
        calendarDays,
        weekPatterns: [
            { gradeFrom: 1, gradeTo: 4, daysPerWeek: 5 },
            { gradeFrom: 5, gradeTo: 11, daysPerWeek: 6 },
        ],
    };
}
//# sourceMappingURL=school-calendar.js.map