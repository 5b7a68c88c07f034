import { EntityManager } from 'typeorm';
import { idempotent, requestFingerprint } from './idempotency';

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

  it('without a key the work just runs and nothing is stored', async () => {
    const query = jest.fn();
    const result = await idempotent(managerOf(query), { userId: 'u', schoolId: 's', key: undefined, fingerprint: 'f' }, async () => 42);
    expect(result).toBe(42);
    expect(query).not.toHaveBeenCalled();
  });

  it('a stored live answer with the same fingerprint is returned and the work does not run; another fingerprint is refused', async () => {
    const query = jest.fn(async (sql: string) => (sql.startsWith('SELECT fingerprint') ? [{ fingerprint: 'f', response: { ok: 1 }, live: true }] : []));
    const m = managerOf(query);
    const work = jest.fn(async () => ({ ok: 2 }));
    await expect(idempotent(m, { userId: 'u', schoolId: 's', key: 'k', fingerprint: 'f' }, work)).resolves.toEqual({ ok: 1 });
    expect(work).not.toHaveBeenCalled();
    await expect(idempotent(m, { userId: 'u', schoolId: 's', key: 'k', fingerprint: 'g' }, work)).rejects.toMatchObject({ status: 422, code: 'idempotency-key-reused' });
    expect(query.mock.calls.some(([sql]) => (sql as string).startsWith('INSERT'))).toBe(false);
  });

  it('a new key runs the work and stores its answer', async () => {
    const query = jest.fn(async (_sql: string) => [] as unknown[]);
    const result = await idempotent(managerOf(query), { userId: 'u', schoolId: 's', key: 'k', fingerprint: 'f' }, async () => ({ ok: 3 }));
    expect(result).toEqual({ ok: 3 });
    expect(query.mock.calls.some(([sql]) => (sql as string).includes('INSERT INTO idempotency_key'))).toBe(true);
  });
});
