import { ProblemError } from '../../common/errors/problem';
import { MAX_PAGE_DAYS, pageSpan } from './journal-page.service';

const codeOf = (q: { periodId?: string; from?: string; to?: string }): string | null => {
  try {
    pageSpan(q);
    return null;
  } catch (e) {
    return (e as ProblemError).code;
  }
};

describe('the span of a journal page', () => {
  it('is a study period or from and to: never both, never half, never none', () => {
    expect(pageSpan({ periodId: 'p' })).toEqual({ periodId: 'p' });
    expect(pageSpan({ from: '2026-09-01', to: '2026-10-23' })).toEqual({ from: '2026-09-01', to: '2026-10-23' });
    expect(codeOf({ periodId: 'p', to: '2026-10-23' })).toBe('journal-period-invalid');
    expect(codeOf({ to: '2026-10-23' })).toBe('journal-period-invalid');
    expect(codeOf({})).toBe('journal-period-invalid');
  });

  it(`covers at most ${MAX_PAGE_DAYS} days, forwards`, () => {
    expect(codeOf({ from: '2026-09-01', to: '2027-03-19' })).toBeNull(); // day 200
    expect(codeOf({ from: '2026-09-01', to: '2027-03-20' })).toBe('date-range-invalid');
    expect(codeOf({ from: '2026-09-02', to: '2026-09-01' })).toBe('date-range-invalid');
    expect(codeOf({ from: '2026-09-01', to: '2026-09-01' })).toBeNull();
  });
});
