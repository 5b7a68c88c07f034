import { backoffDelay, isFinalAttempt, JOB_ATTEMPTS, JOB_BACKOFF, JOB_BACKOFF_MS } from './job-retry';

describe('job retry policy', () => {
  it('waits 1 s after the first failure and doubles the wait after each further one', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('five attempts in all; the fifth failure is final', () => {
    expect(JOB_ATTEMPTS).toBe(5);
    expect(isFinalAttempt(4)).toBe(false);
    expect(isFinalAttempt(5)).toBe(true);
  });

  it('BullMQ gets the same policy (exponential, 1 s base)', () => {
    expect(JOB_BACKOFF).toEqual({ type: 'exponential', delay: JOB_BACKOFF_MS });
  });
});
