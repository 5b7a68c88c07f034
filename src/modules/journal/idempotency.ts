import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ProblemError } from '../../common/errors/problem';
import { preparedQuery } from '../../database/prepared';

/** How long a stored answer is kept. */
const KEEP_HOURS = 24;
export const IDEMPOTENCY_KEY_MAX = 200;

/** SHA-256 of the method, the path and the body (its JSON as received, after validation). */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method.toUpperCase()} ${path}\n${JSON.stringify(body ?? null)}`).digest('hex');
}

export interface IdempotentRequest {
  userId: string;
  schoolId: string | null;
  /** the `Idempotency-Key` header; undefined: not an idempotent retry-safe call, the work just runs */
  key: string | undefined;
  fingerprint: string;
}

/**
 * Runs `work` in the caller's transaction `m` at most once per (user, key) for 24 hours (R-JRN-6): a retry with the
 * same key and the same request answers the stored response and runs nothing; the same key with another request is
 * refused (422 `idempotency-key-reused`). A transaction-scoped advisory lock on (user, key) serialises concurrent
 * retries; the answer is stored in the same transaction as the work, so it exists exactly when the work committed.
 * `work` returns the status and the body to answer; only successes reach here (a refusal rolls everything back).
 */
export async function idempotent<T>(m: EntityManager, req: IdempotentRequest, work: () => Promise<T>, status = 200): Promise<T> {
  if (req.key === undefined) return work();
  if (req.key.length === 0 || req.key.length > IDEMPOTENCY_KEY_MAX) {
    throw new ProblemError(422, 'idempotency-key-invalid', 'Invalid Idempotency-Key', `Idempotency-Key must have 1–${IDEMPOTENCY_KEY_MAX} characters`);
  }
  await preparedQuery(m, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`idempotency:${req.userId}:${req.key}`]);
  const stored = (await preparedQuery(m,
    `SELECT fingerprint, response, expires_at > now() AS live FROM idempotency_key WHERE user_id = $1 AND key = $2`,
    [req.userId, req.key],
  )) as Array<{ fingerprint: string; response: T; live: boolean }>;
  const hit = stored[0];
  if (hit !== undefined && hit.live) {
    if (hit.fingerprint !== req.fingerprint) {
      throw new ProblemError(422, 'idempotency-key-reused', 'Idempotency-Key reused', 'This Idempotency-Key was used with another request');
    }
    return hit.response;
  }
  if (hit !== undefined) await preparedQuery(m, 'DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2', [req.userId, req.key]);
  const result = await work();
  await preparedQuery(m,
    `INSERT INTO idempotency_key (school_id, user_id, key, fingerprint, status, response, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, now() + make_interval(hours => $7))`,
    [req.schoolId, req.userId, req.key, req.fingerprint, status, JSON.stringify(result), KEEP_HOURS],
  );
  return result;
}
