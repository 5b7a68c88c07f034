import { EntityManager } from 'typeorm';
import { checkIdempotencyKey, idempotencyLock, idempotencyLockName, idempotent, requestFingerprint } from './idempotency';

/** A transaction's manager whose connection answers named statements with `query(text, values)` (preparedQuery's path). */
const managerOf = (query: (sql: string, values?: unknown[]) => Promise<unknown[]>): EntityManager =>
  ({
    queryRunner: { connect: async () => ({ query: async (c: { text: string; values: unknown[] }) => ({ rows: await query(c.text, c.values) }) }) },
  }) as unknown as EntityManager;

describe('idempotent writes (R-JRN-6)', () => {
  it('the fingerprint depends on the method, the path and the body', () => {
    const a = requestFingerprint('put', '/lessons/1/journal', { topic: 'Тема' });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(requestFingerprint('PUT', '/lessons/1/journal', { topic: 'Тема' })).toBe(a);
    expect(requestFingerprint('PUT', '/lessons/2/journal', { topic: 'Тема' })).not.toBe(a);
    expect(requestFingerprint('POST', '/lessons/1/journal', { topic: 'Тема' })).not.toBe(a);
    expect(requestFingerprint('PUT', '/lessons/1/journal', { topic: 'Другая' })).not.toBe(a);
  });

  const ANSWER = { text: 'SELECT $1::text AS answer', values: ['{"ok": 3}'] };

  it('without a key the work runs, its answer is read and nothing is stored', async () => {
    const query = jest.fn(async (_sql: string, values?: unknown[]) => [{ answer: values?.[0] }]);
    const result = await idempotent(managerOf(query), { userId: 'u', schoolId: 's', key: undefined, fingerprint: 'f' }, async () => ANSWER);
    expect(result).toBe('{"ok": 3}');
    expect(query.mock.calls).toEqual([[ANSWER.text, ANSWER.values]]);
  });

  it('a stored live answer with the same fingerprint is returned and the work does not run; another fingerprint is refused', async () => {
    const query = jest.fn(async (sql: string) => (sql.includes('FROM idempotency_key WHERE') ? [{ stored: { fingerprint: 'f', response: '{"ok": 1}', live: true } }] : []));
    const m = managerOf(query);
    const work = jest.fn(async () => ANSWER);
    await expect(idempotent(m, { userId: 'u', schoolId: 's', key: 'k', fingerprint: 'f' }, work)).resolves.toBe('{"ok": 1}');
    expect(work).not.toHaveBeenCalled();
    await expect(idempotent(m, { userId: 'u', schoolId: 's', key: 'k', fingerprint: 'g' }, work)).rejects.toMatchObject({ status: 422, code: 'idempotency-key-reused' });
    expect(query.mock.calls.some(([sql]) => (sql as string).startsWith('INSERT'))).toBe(false);
  });

  it('a new key takes the lock, runs the work, and reads and stores its answer in one statement', async () => {
    const query = jest.fn(async (sql: string, _values?: unknown[]) => (sql.startsWith('WITH answer') ? [{ answer: '{"ok": 3}' }] : [{ stored: null }]));
    const result = await idempotent(managerOf(query), { userId: 'u', schoolId: 's', key: 'k', fingerprint: 'f' }, async () => ANSWER);
    expect(result).toBe('{"ok": 3}');
    const sqls = query.mock.calls.map(([sql]) => sql);
    expect(sqls[0]).toBe(`SELECT ${idempotencyLock('$1')}`);
    expect(query.mock.calls[0][1]).toEqual(['idempotency:u:k']);
    const store = query.mock.calls.find(([sql]) => sql.includes('INSERT INTO idempotency_key'));
    expect(store?.[0]).toContain(`WITH answer AS (${ANSWER.text})`);
    // the answer statement's own values first, then the stored row's (school, user, key, fingerprint, status, hours)
    expect(store?.[1]).toEqual(['{"ok": 3}', 's', 'u', 'k', 'f', 200, 24]);
    expect(sqls.length).toBe(3);
  });

  it('a caller that took the lock in its own statement (locked) is not locked again', async () => {
    const query = jest.fn(async (_sql: string) => [{ answer: '{}' }] as unknown[]);
    await idempotent(managerOf(query), { userId: 'u', schoolId: 's', key: 'k', fingerprint: 'f' }, async () => ANSWER, { locked: true });
    expect(query.mock.calls.some(([sql]) => sql.includes('pg_advisory_xact_lock'))).toBe(false);
    expect(query.mock.calls[0][0]).toContain('FROM idempotency_key WHERE');
  });

  it('a stored answer the caller read itself (stored) is used without looking it up again', async () => {
    const query = jest.fn(async (_sql: string) => [{ answer: '{}' }] as unknown[]);
    const work = jest.fn(async () => ANSWER);
    const req = { userId: 'u', schoolId: 's', key: 'k', fingerprint: 'f' };
    await expect(idempotent(managerOf(query), req, work, { locked: true, stored: { fingerprint: 'f', response: '{"ok": 1}', live: true } })).resolves.toBe('{"ok": 1}');
    expect(work).not.toHaveBeenCalled();
    expect(query).not.toHaveBeenCalled();
    // none stored: the work runs and its answer is stored, with no lookup of its own
    await idempotent(managerOf(query), req, work, { locked: true, stored: null });
    expect(work).toHaveBeenCalledTimes(1);
    expect(query.mock.calls.map(([sql]) => sql.startsWith('WITH answer'))).toEqual([true]);
  });

  it('the lock name is per user and key; a key must have 1–200 characters', () => {
    expect(idempotencyLockName({ userId: 'u', schoolId: 's', key: 'k', fingerprint: 'f' })).toBe('idempotency:u:k');
    expect(idempotencyLockName({ userId: 'u', schoolId: 's', key: undefined, fingerprint: 'f' })).toBeNull();
    expect(() => checkIdempotencyKey(undefined)).not.toThrow();
    expect(() => checkIdempotencyKey('x'.repeat(200))).not.toThrow();
    expect(() => checkIdempotencyKey('')).toThrow(expect.objectContaining({ status: 422, code: 'idempotency-key-invalid' }));
    expect(() => checkIdempotencyKey('x'.repeat(201))).toThrow(expect.objectContaining({ status: 422, code: 'idempotency-key-invalid' }));
  });
});
