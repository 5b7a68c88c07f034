/** Retry policy of every job, in one place: the BullMQ worker and the in-process runner use the same numbers. */
export const JOB_ATTEMPTS = 5;
/** delay before the 2nd attempt; then doubled each time (1 s, 2 s, 4 s, 8 s) */
export const JOB_BACKOFF_MS = 1000;

/** The BullMQ options that encode the policy. */
export const JOB_BACKOFF = { type: 'exponential', delay: JOB_BACKOFF_MS } as const;

/** Milliseconds to wait after the failed attempt number `attempt` (1-based) before the next one: exponential. */
export function backoffDelay(attempt: number, base = JOB_BACKOFF_MS): number {
  return base * 2 ** Math.max(0, attempt - 1);
}

/** Whether a failed attempt (1-based) was the last one allowed. */
export function isFinalAttempt(attempt: number, attempts = JOB_ATTEMPTS): boolean {
  return attempt >= attempts;
}
