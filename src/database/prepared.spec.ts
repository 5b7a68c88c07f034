import { EntityManager, QueryFailedError } from 'typeorm';
import { preparedQuery, statementName } from './prepared';

/** A pg Client or Pool double recording the configs it is given. */
function pgDouble(rows: unknown[] = [{ n: 1 }], error?: Error) {
  const calls: Array<{ name: string; text: string; values: unknown[] }> = [];
  return {
    calls,
    query: jest.fn(async (config: { name: string; text: string; values: unknown[] }) => {
      calls.push(config);
      if (error) throw error;
      return { rows };
    }),
  };
}

describe('preparedQuery', () => {
  it('one text has one name, stable across calls; another text another name', () => {
    const a = statementName('SELECT 1 WHERE $1::int > 0');
    expect(statementName('SELECT 1 WHERE $1::int > 0')).toBe(a);
    expect(statementName('SELECT 2 WHERE $1::int > 0')).not.toBe(a);
    expect(a).toMatch(/^ej_[0-9a-f]{24}$/);
  });

  it('outside a transaction: a named statement on the pool, its rows answered', async () => {
    const pool = pgDouble([{ id: 'x' }]);
    const m = { queryRunner: undefined, connection: { driver: { master: pool } } } as unknown as EntityManager;
    await expect(preparedQuery(m, 'SELECT $1::text AS id', ['x'])).resolves.toEqual([{ id: 'x' }]);
    expect(pool.calls).toEqual([{ name: statementName('SELECT $1::text AS id'), text: 'SELECT $1::text AS id', values: ['x'] }]);
  });

  it("inside a transaction: on the transaction's own connection, never the pool", async () => {
    const pool = pgDouble();
    const client = pgDouble([{ n: 2 }]);
    const m = { queryRunner: { connect: async () => client }, connection: { driver: { master: pool } } } as unknown as EntityManager;
    await expect(preparedQuery(m, 'SELECT 2 AS n', [])).resolves.toEqual([{ n: 2 }]);
    expect(client.calls).toHaveLength(1);
    expect(pool.calls).toHaveLength(0);
  });

  it("a database error comes out as TypeORM's QueryFailedError with the driver's error (so the problem filter maps it)", async () => {
    const driverError = Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' });
    const pool = pgDouble([], driverError);
    const m = { queryRunner: undefined, connection: { driver: { master: pool } } } as unknown as EntityManager;
    const e = await preparedQuery(m, 'SELECT $1::uuid', ['nope']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(QueryFailedError);
    expect((e as QueryFailedError).driverError).toBe(driverError);
  });
});
