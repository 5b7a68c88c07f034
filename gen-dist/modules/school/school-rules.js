"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.datesOverlap = datesOverlap;
exports.gradeBandLabel = gradeBandLabel;
exports.assertDateRange = assertDateRange;
exports.assertGradeBand = assertGradeBand;
exports.assertInsideYear = assertInsideYear;
exports.assertBellsOrdered = assertBellsOrdered;
exports.assertBandsCoverAllGrades = assertBandsCoverAllGrades;
const problem_1 = require("../../common/errors/problem");
/** Inclusive date ranges (ISO strings compare in date order) share at least one day. */
function datesOverlap(aFrom, aTo, bFrom, bTo) {
    return aFrom <= bTo && bFrom <= aTo;
}
function gradeBandLabel(from, to) {
    return from === to ? `${from} класс` : `${from}–${to} классы`;
}
/** `from ≤ to` for a date range, else 422 naming the end field. */
function assertDateRange(startsOn, endsOn, endField = 'endsOn') {
    if (endsOn < startsOn)
        throw (0, problem_1.fieldProblem)('date-range-invalid', endField, 'must not be before the start date');
}
/** `gradeFrom ≤ gradeTo`, else 422 naming gradeTo. */
function assertGradeBand(gradeFrom, gradeTo, field = 'gradeTo') {
    if (gradeTo < gradeFrom)
        throw (0, problem_1.fieldProblem)('grade-band-invalid', field, 'must not be less than gradeFrom');
}
/** A range inside the academic year, else 422 naming the field that leaves it. */
function assertInsideYear(year, startsOn, endsOn, fields = { start: 'startsOn', end: 'endsOn' }) {
    if (startsOn < year.startsOn) {
        throw (0, problem_1.fieldProblem)('outside-academic-year', fields.start, `must not be before the start of the year ${year.name} (${year.startsOn})`);
    }
    if (endsOn > year.endsOn) {
        throw (0, problem_1.fieldProblem)('outside-academic-year', fields.end, `must not be after the end of the year ${year.name} (${year.endsOn})`);
    }
}
/** Bells numbered in ascending order, each ending after it starts and starting no earlier than the previous one ends. */
function assertBellsOrdered(bells) {
    bells.forEach((bell, i) => {
        if (bell.endsAt <= bell.startsAt) {
            throw (0, problem_1.fieldProblem)('bells-invalid', `bells[${i}].endsAt`, `must be after startsAt (${bell.startsAt})`);
        }
        if (i === 0)
            return;
        const prev = bells[i - 1];
        if (bell.lessonNumber <= prev.lessonNumber) {
            throw (0, problem_1.fieldProblem)('bells-unordered', `bells[${i}].lessonNumber`, `must be greater than the previous lesson number (${prev.lessonNumber})`);
        }
        if (bell.startsAt < prev.endsAt) {
            throw (0, problem_1.fieldProblem)('bells-overlap', `bells[${i}].startsAt`, `must not be before the end of lesson ${prev.lessonNumber} (${prev.endsAt})`);
        }
    });
}
/** Week patterns: bands that cover grades 1–11 exactly once. */
function assertBandsCoverAllGrades(bands, field = 'patterns') {
    bands.forEach((b, i) => assertGradeBand(b.gradeFrom, b.gradeTo, `${field}[${i}].gradeTo`));
    const owner = new Map();
    bands.forEach((b, i) => {
        for (let g = b.gradeFrom; g <= b.gradeTo; g++) {
            const other = owner.get(g);
            if (other !== undefined) {
                throw (0, problem_1.fieldProblem)('week-pattern-overlap', `${field}[${i}].gradeFrom`, `grade ${g} is already covered by ${field}[${other}]`);
            }
            owner.set(g, i);
        }
    });
    const missing = Array.from({ length: 11 }, (_, k) => k + 1).filter((g) => !owner.has(g));
    if (missing.length > 0) {
        throw (0, problem_1.fieldProblem)('week-pattern-gap', field, `grades ${missing.join(', ')} have no week pattern`);
    }
}
//# sourceMappingURL=school-rules.js.map