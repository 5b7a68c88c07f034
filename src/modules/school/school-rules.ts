import { fieldProblem } from '../../common/errors/problem';

/** Inclusive date ranges (ISO strings compare in date order) share at least one day. */
export function datesOverlap(aFrom: string, aTo: string, bFrom: string, bTo: string): boolean {
  return aFrom <= bTo && bFrom <= aTo;
}

export function gradeBandLabel(from: number, to: number): string {
  return from === to ? `${from} класс` : `${from}–${to} классы`;
}

/** `from ≤ to` for a date range, else 422 naming the end field. */
export function assertDateRange(startsOn: string, endsOn: string, endField = 'endsOn'): void {
  if (endsOn < startsOn) throw fieldProblem('date-range-invalid', endField, 'must not be before the start date');
}

/** `gradeFrom ≤ gradeTo`, else 422 naming gradeTo. */
export function assertGradeBand(gradeFrom: number, gradeTo: number, field = 'gradeTo'): void {
  if (gradeTo < gradeFrom) throw fieldProblem('grade-band-invalid', field, 'must not be less than gradeFrom');
}

/** A range inside the academic year, else 422 naming the field that leaves it. */
export function assertInsideYear(
  year: { startsOn: string; endsOn: string; name: string },
  startsOn: string,
  endsOn: string,
  fields: { start: string; end: string } = { start: 'startsOn', end: 'endsOn' },
): void {
  if (startsOn < year.startsOn) {
    throw fieldProblem('outside-academic-year', fields.start, `must not be before the start of the year ${year.name} (${year.startsOn})`);
  }
  if (endsOn > year.endsOn) {
    throw fieldProblem('outside-academic-year', fields.end, `must not be after the end of the year ${year.name} (${year.endsOn})`);
  }
}

export interface BellLike {
  lessonNumber: number;
  startsAt: string;
  endsAt: string;
}

/** Bells numbered in ascending order, each ending after it starts and starting no earlier than the previous one ends. */
export function assertBellsOrdered(bells: BellLike[]): void {
  bells.forEach((bell, i) => {
    if (bell.endsAt <= bell.startsAt) {
      throw fieldProblem('bells-invalid', `bells[${i}].endsAt`, `must be after startsAt (${bell.startsAt})`);
    }
    if (i === 0) return;
    const prev = bells[i - 1];
    if (bell.lessonNumber <= prev.lessonNumber) {
      throw fieldProblem('bells-unordered', `bells[${i}].lessonNumber`, `must be greater than the previous lesson number (${prev.lessonNumber})`);
    }
    if (bell.startsAt < prev.endsAt) {
      throw fieldProblem('bells-overlap', `bells[${i}].startsAt`, `must not be before the end of lesson ${prev.lessonNumber} (${prev.endsAt})`);
    }
  });
}

export interface BandLike {
  gradeFrom: number;
  gradeTo: number;
}

/** Week patterns: bands that cover grades 1–11 exactly once. */
export function assertBandsCoverAllGrades(bands: BandLike[], field = 'patterns'): void {
  bands.forEach((b, i) => assertGradeBand(b.gradeFrom, b.gradeTo, `${field}[${i}].gradeTo`));
  const owner = new Map<number, number>();
  bands.forEach((b, i) => {
    for (let g = b.gradeFrom; g <= b.gradeTo; g++) {
      const other = owner.get(g);
      if (other !== undefined) {
        throw fieldProblem('week-pattern-overlap', `${field}[${i}].gradeFrom`, `grade ${g} is already covered by ${field}[${other}]`);
      }
      owner.set(g, i);
    }
  });
  const missing = Array.from({ length: 11 }, (_, k) => k + 1).filter((g) => !owner.has(g));
  if (missing.length > 0) {
    throw fieldProblem('week-pattern-gap', field, `grades ${missing.join(', ')} have no week pattern`);
  }
}
