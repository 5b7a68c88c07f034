import { ProblemError } from '../../common/errors/problem';
import { mondayOf, spanOf } from './attendance-rules';

describe('attendance rules', () => {
  it('a week runs Monday to Sunday: every day of it names the same Monday', () => {
    for (const d of ['2026-11-16', '2026-11-18', '2026-11-21', '2026-11-22']) expect(mondayOf(d)).toBe('2026-11-16');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('a span is a study period or from and to, never both, never half', () => {
    expect(spanOf({ periodId: 'p' })).toEqual({ periodId: 'p' });
    expect(spanOf({ from: '2026-09-01', to: '2026-10-23' })).toEqual({ from: '2026-09-01', to: '2026-10-23' });
    const code = (q: object, max?: number) => {
      try {
        spanOf(q, max);
        return null;
      } catch (e) {
        return (e as ProblemError).code;
      }
    };
    expect(code({ periodId: 'p', from: '2026-09-01' })).toBe('period-invalid');
    expect(code({ from: '2026-09-01' })).toBe('period-invalid');
    expect(code({})).toBe('period-invalid');
    expect(code({ from: '2026-09-02', to: '2026-09-01' })).toBe('date-range-invalid');
    expect(code({ from: '2026-09-01', to: '2026-09-10' }, 10)).toBeNull();
    expect(code({ from: '2026-09-01', to: '2026-09-11' }, 10)).toBe('date-range-invalid');
  });
});
