import { ProblemError } from '../../common/errors/problem';
import {
  assertBandsCoverAllGrades,
  assertBellsOrdered,
  assertDateRange,
  assertGradeBand,
  assertInsideYear,
  BandLike,
  BellLike,
  datesOverlap,
  gradeBandLabel,
} from './school-rules';

/** The 422 thrown by `fn`, checked for its code and the one field it names. */
function refusal(fn: () => void, code: string, field: string): ProblemError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ProblemError);
  const e = caught as ProblemError;
  expect(e.status).toBe(422);
  expect(e.code).toBe(code);
  expect(e.errors).toHaveLength(1);
  expect(e.errors?.[0].field).toBe(field);
  return e;
}

const bell = (lessonNumber: number, startsAt: string, endsAt: string): BellLike => ({ lessonNumber, startsAt, endsAt });

describe('bells', () => {
  it('a well-formed day of bells is fine', () => {
    expect(() =>
      assertBellsOrdered([bell(0, '07:30', '08:00'), bell(1, '08:10', '08:55'), bell(2, '09:05', '09:50'), bell(3, '10:10', '10:55')]),
    ).not.toThrow();
    expect(() => assertBellsOrdered([])).not.toThrow();
    expect(() => assertBellsOrdered([bell(1, '08:00', '08:45')])).not.toThrow();
  });

  it('bells out of order are refused naming the bell', () => {
    const e = refusal(
      () => assertBellsOrdered([bell(2, '08:00', '08:45'), bell(1, '08:55', '09:40')]),
      'bells-unordered',
      'bells[1].lessonNumber',
    );
    expect(e.errors?.[0].message).toContain('(2)');
  });

  it('a repeated lesson number is refused as out of order', () => {
    refusal(() => assertBellsOrdered([bell(1, '08:00', '08:45'), bell(1, '08:55', '09:40')]), 'bells-unordered', 'bells[1].lessonNumber');
  });

  it('a gap in lesson numbers is allowed', () => {
    expect(() => assertBellsOrdered([bell(1, '08:00', '08:45'), bell(3, '10:00', '10:45')])).not.toThrow();
  });

  it('overlapping bells are refused', () => {
    const e = refusal(
      () => assertBellsOrdered([bell(1, '08:00', '08:45'), bell(2, '08:55', '09:40'), bell(3, '09:30', '10:15')]),
      'bells-overlap',
      'bells[2].startsAt',
    );
    expect(e.errors?.[0].message).toContain('09:40');
  });

  it('a bell that ends before it starts is refused', () => {
    refusal(() => assertBellsOrdered([bell(1, '08:00', '08:45'), bell(2, '09:40', '08:55')]), 'bells-invalid', 'bells[1].endsAt');
  });

  it('a bell that ends when it starts is refused', () => {
    refusal(() => assertBellsOrdered([bell(1, '08:00', '08:00')]), 'bells-invalid', 'bells[0].endsAt');
  });

  it('bells back to back are fine', () => {
    expect(() => assertBellsOrdered([bell(1, '08:00', '08:45'), bell(2, '08:45', '09:30'), bell(3, '09:30', '10:15')])).not.toThrow();
  });

  it('the first broken bell is the one named', () => {
    refusal(
      () => assertBellsOrdered([bell(1, '08:00', '08:45'), bell(2, '08:40', '09:25'), bell(1, '09:00', '08:00')]),
      'bells-overlap',
      'bells[1].startsAt',
    );
  });
});

describe('week patterns', () => {
  const bands = (...pairs: [number, number][]): BandLike[] => pairs.map(([gradeFrom, gradeTo]) => ({ gradeFrom, gradeTo }));

  it('week patterns that cover grades 1–11 once are fine, in any order', () => {
    expect(() => assertBandsCoverAllGrades(bands([1, 11]))).not.toThrow();
    expect(() => assertBandsCoverAllGrades(bands([1, 4], [5, 9], [10, 11]))).not.toThrow();
    expect(() => assertBandsCoverAllGrades(bands([10, 11], [1, 4], [5, 9]))).not.toThrow();
  });

  it('week patterns must cover grades 1–11 once: a gap is refused', () => {
    const e = refusal(() => assertBandsCoverAllGrades(bands([1, 4], [6, 9])), 'week-pattern-gap', 'patterns');
    expect(e.errors?.[0].message).toContain('5, 10, 11');
  });

  it('no week patterns at all leave every grade uncovered', () => {
    refusal(() => assertBandsCoverAllGrades([]), 'week-pattern-gap', 'patterns');
  });

  it('week patterns must cover grades 1–11 once: an overlap is refused', () => {
    const e = refusal(() => assertBandsCoverAllGrades(bands([1, 5], [5, 11])), 'week-pattern-overlap', 'patterns[1].gradeFrom');
    expect(e.errors?.[0].message).toContain('grade 5');
    expect(e.errors?.[0].message).toContain('patterns[0]');
  });

  it('a reversed band is refused naming its gradeTo', () => {
    refusal(() => assertBandsCoverAllGrades(bands([1, 4], [9, 5], [10, 11])), 'grade-band-invalid', 'patterns[1].gradeTo');
  });

  it('the field prefix can be chosen', () => {
    refusal(() => assertBandsCoverAllGrades(bands([1, 6]), 'weekPatterns'), 'week-pattern-gap', 'weekPatterns');
  });
});

describe('datesOverlap', () => {
  it('touching ranges overlap on the shared day', () => {
    expect(datesOverlap('2026-09-01', '2026-10-25', '2026-10-25', '2026-11-03')).toBe(true);
    expect(datesOverlap('2026-10-25', '2026-11-03', '2026-09-01', '2026-10-25')).toBe(true);
  });

  it('adjacent ranges do not overlap', () => {
    expect(datesOverlap('2026-09-01', '2026-10-25', '2026-10-26', '2026-11-03')).toBe(false);
    expect(datesOverlap('2026-10-26', '2026-11-03', '2026-09-01', '2026-10-25')).toBe(false);
  });

  it('one range inside another overlaps', () => {
    expect(datesOverlap('2026-09-01', '2027-05-31', '2026-12-29', '2027-01-11')).toBe(true);
    expect(datesOverlap('2026-12-29', '2027-01-11', '2026-09-01', '2027-05-31')).toBe(true);
  });

  it('single-day ranges overlap only on the same day', () => {
    expect(datesOverlap('2026-11-04', '2026-11-04', '2026-11-04', '2026-11-04')).toBe(true);
    expect(datesOverlap('2026-11-04', '2026-11-04', '2026-11-05', '2026-11-05')).toBe(false);
  });

  it('compares across month and year boundaries in date order', () => {
    expect(datesOverlap('2026-12-31', '2027-01-02', '2027-01-01', '2027-01-01')).toBe(true);
    expect(datesOverlap('2026-09-30', '2026-09-30', '2026-10-01', '2026-10-31')).toBe(false);
  });
});

describe('assertInsideYear', () => {
  const year = { name: '2026/2027', startsOn: '2026-09-01', endsOn: '2027-05-31' };

  it('a range inside the year, including its first and last day, is fine', () => {
    expect(() => assertInsideYear(year, '2026-09-01', '2027-05-31')).not.toThrow();
    expect(() => assertInsideYear(year, '2026-10-26', '2026-11-03')).not.toThrow();
  });

  it('a start before the year names startsOn', () => {
    const e = refusal(() => assertInsideYear(year, '2026-08-31', '2026-10-01'), 'outside-academic-year', 'startsOn');
    expect(e.errors?.[0].message).toContain('2026/2027');
    expect(e.errors?.[0].message).toContain('2026-09-01');
  });

  it('an end after the year names endsOn', () => {
    const e = refusal(() => assertInsideYear(year, '2027-05-01', '2027-06-01'), 'outside-academic-year', 'endsOn');
    expect(e.errors?.[0].message).toContain('2027-05-31');
  });

  it('names the given fields', () => {
    const fields = { start: 'date', end: 'date' };
    refusal(() => assertInsideYear(year, '2027-06-01', '2027-06-01', fields), 'outside-academic-year', 'date');
    refusal(() => assertInsideYear(year, '2025-06-01', '2025-06-01', { start: 'from', end: 'to' }), 'outside-academic-year', 'from');
  });
});

describe('assertDateRange', () => {
  it('a range ending on or after its start is fine', () => {
    expect(() => assertDateRange('2026-09-01', '2026-09-01')).not.toThrow();
    expect(() => assertDateRange('2026-09-01', '2027-05-31')).not.toThrow();
  });

  it('a range ending before its start names endsOn', () => {
    refusal(() => assertDateRange('2026-09-02', '2026-09-01'), 'date-range-invalid', 'endsOn');
  });

  it('names the given end field', () => {
    refusal(() => assertDateRange('2027-01-01', '2026-12-31', 'until'), 'date-range-invalid', 'until');
  });
});

describe('assertGradeBand', () => {
  it('a band of one or more grades is fine', () => {
    expect(() => assertGradeBand(5, 5)).not.toThrow();
    expect(() => assertGradeBand(1, 11)).not.toThrow();
  });

  it('a reversed band names gradeTo', () => {
    const e = refusal(() => assertGradeBand(9, 5), 'grade-band-invalid', 'gradeTo');
    expect(e.errors?.[0].message).toBe('must not be less than gradeFrom');
  });

  it('names the given field', () => {
    refusal(() => assertGradeBand(2, 1, 'bands[0].gradeTo'), 'grade-band-invalid', 'bands[0].gradeTo');
  });
});

describe('gradeBandLabel', () => {
  it('labels one grade and a band of grades in Russian', () => {
    expect(gradeBandLabel(5, 5)).toBe('5 класс');
    expect(gradeBandLabel(1, 4)).toBe('1–4 классы');
  });
});
