import { QueryFailedError } from 'typeorm';
import { isUniqueViolation } from './pg-errors';

const failed = (code: string, constraint?: string) => new QueryFailedError('INSERT …', [], Object.assign(new Error('x'), { code, constraint }));

describe('isUniqueViolation', () => {
  it('recognises a 23505 of a named index only', () => {
    expect(isUniqueViolation(failed('23505', 'uq_subgroup'), 'uq_subgroup')).toBe(true);
    expect(isUniqueViolation(failed('23505', 'uq_subgroup'), 'uq_a', 'uq_subgroup')).toBe(true);
    expect(isUniqueViolation(failed('23505', 'uq_other'), 'uq_subgroup')).toBe(false);
    expect(isUniqueViolation(failed('23503', 'uq_subgroup'), 'uq_subgroup')).toBe(false);
    expect(isUniqueViolation(new Error('x'), 'uq_subgroup')).toBe(false);
  });
});
