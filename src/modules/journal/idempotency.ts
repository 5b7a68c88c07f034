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

/** 422 `idempotency-key-invalid` unless the key (when given) has 1–200 characters. */
export function checkIdempotencyKey(key: string | undefined): void {
  if (key !== undefined && (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX)) {
    throw new ProblemError(422, 'idempotency-key-invalid', 'Invalid Idempotency-Key', `Idempotency-Key must have 1–${IDEMPOTENCY_KEY_MAX} characters`);
  }
}

/**
 * The transaction-scoped advisory lock that serialises the retries of one (user, key): a SQL expression over the
 * placeholder `param` bound to idempotencyLockName. A caller may take it in a statement of its own that runs before
 * `idempotent` (and pass `locked`), saving a round trip; it must be an earlier statement, as the lookup's snapshot
 * has to be taken after the lock is held.
 */
export function idempotencyLock(param: string): string {
  return `pg_advisory_xact_lock(hashtextextended(${param}, 0))`;
}

/** The name idempotencyLock locks for the request; null without a key. */
export function idempotencyLockName(req: IdempotentRequest): string | null {
  return req.key === undefined ? null : `idempotency:${req.userId}:${req.key}`;
}

const LOCK = `SELECT ${idempotencyLock('$1')}`;

/** An answer stored for (user, key), as storedAnswerSelect reads it. */
export interface StoredAnswer {
  fingerprint: string;
  /** the response body as JSON text */
  response: string;
  /** not expired */
  live: boolean;
}

/**
 * The answer stored for the user and key (placeholders or expressions) as one JSON value (StoredAnswer), or no row:
 * a caller may read it within a statement of its own — after the key's lock is held, in a later statement — and
 * pass it to `idempotent` as `stored`, saving a round trip.
 */
export function storedAnswerSelect(user: string, key: string): string {
  return `SELECT json_build_object('fingerprint', fingerprint, 'response', response::text, 'live', expires_at > now())
            FROM idempotency_key WHERE user_id = ${user} AND key = ${key}`;
}

const LOOKUP = `SELECT (${storedAnswerSelect('$1::uuid', '$2::varchar')}) AS stored`;

/** A statement of one row whose column `answer` is the response body as JSON text, with its values. */
export interface AnswerStatement {
  text: string;
  values: unknown[];
}

/** The answer statement run as it is, or (idempotent) with the answer stored by the same statement. */
async function answerOf(m: EntityManager, answer: AnswerStatement, req?: IdempotentRequest, status = 200): Promise<string> {
  if (req === undefined) return (await preparedQuery<{ answer: string }>(m, answer.text, answer.values))[0].answer;
  const n = answer.values.length;
  const $ = (i: number) => `$${n + i}`;
  const [row] = await preparedQuery<{ answer: string }>(m,
    `WITH answer AS (${answer.text}),
          stored AS (
            INSERT INTO idempotency_key (school_id, user_id, key, fingerprint, status, response, expires_at)
            SELECT ${$(1)}::uuid, ${$(2)}::uuid, ${$(3)}::varchar, ${$(4)}::varchar, ${$(5)}::int, answer::jsonb, now() + make_interval(hours => ${$(6)}::int) FROM answer)
     SELECT answer FROM answer`,
    [...answer.values, req.schoolId, req.userId, req.key, req.fingerprint, status, KEEP_HOURS],
  );
  return row.answer;
}

/**
 * Runs `work` in the caller's transaction `m` at most once per (user, key) for 24 hours (R-JRN-6): a retry with the
 * same key and the same request answers the stored response and runs nothing; the same key with another request is
 * refused (422 `idempotency-key-reused`). A transaction-scoped advisory lock on (user, key) serialises concurrent
 * retries (taken here, or by the caller before — `locked`); the stored answer is looked up here, or was by the caller
 * (`stored`: null when there is none). `work` makes its writes and returns the statement that
 * reads its answer (JSON text); the answer is read and stored by one statement, in the same transaction as the work,
 * so it exists exactly when the work committed, and a retry answers it as it was. Only successes reach here (a
 * refusal rolls everything back).
 */
export async function idempotent(
  m: EntityManager,
  req: IdempotentRequest,
  work: () => Promise<AnswerStatement>,
  { locked = false, stored, status = 200 }: { locked?: boolean; stored?: StoredAnswer | null; status?: number } = {},
): Promise<string> {
  if (req.key === undefined) return answerOf(m, await work());
  checkIdempotencyKey(req.key);
  if (!locked) await preparedQuery(m, LOCK, [idempotencyLockName(req)]);
  const hit = stored !== undefined ? stored : ((await preparedQuery<{ stored: StoredAnswer | null }>(m, LOOKUP, [req.userId, req.key]))[0]?.stored ?? null);
  if (hit !== null && hit.live) {
    if (hit.fingerprint !== req.fingerprint) {
      throw new ProblemError(422, 'idempotency-key-reused', 'Idempotency-Key reused', 'This Idempotency-Key was used with another request');
    }
    return hit.response;
  }
  if (hit !== null) await preparedQuery(m, 'DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2', [req.userId, req.key]);
  return answerOf(m, await work(), req, status);
}
