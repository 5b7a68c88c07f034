import { QueryRunner, TransactionStartEvent } from 'typeorm';
import { Role } from '../common/access/role';
import { ActionContext, runWithContext, systemContext } from '../common/context/request-context';
import { AuditContextSubscriber, auditContext, setAuditContext } from './audit-context.subscriber';

const request: ActionContext = {
  userId: '22222222-2222-4222-8222-222222222222',
  schoolId: '11111111-1111-4111-8111-111111111111',
  roles: [Role.Admin],
  sessionId: null,
  ip: '203.0.113.7',
  requestId: 'req-1',
};

function runner(depth: number) {
  const queries: { sql: string; params: unknown[] }[] = [];
  const r = {
    transactionDepth: depth,
    query: async (sql: string, params: unknown[]) => void queries.push({ sql, params }),
    // the runner's manager, whose connection answers named statements (preparedQuery's path)
    manager: {} as { queryRunner?: unknown },
    connect: async () => ({
      query: async (c: { name: string; text: string; values: unknown[] }) => {
        queries.push({ sql: c.text, params: c.values, name: c.name } as { sql: string; params: unknown[] });
        return { rows: [] };
      },
    }),
  };
  r.manager.queryRunner = r;
  return { queries, event: { queryRunner: r as unknown as QueryRunner } as TransactionStartEvent, r };
}

describe('auditContext', () => {
  it('keeps a valid IPv4 or IPv6 client address and everything else as it is', () => {
    expect(auditContext(request)).toEqual(request);
    expect(auditContext({ ...request, ip: '::ffff:127.0.0.1' }).ip).toBe('::ffff:127.0.0.1');
  });

  it.each([['x'.repeat(300)], ['unknown'], ["1.2.3.4'; --"], ['']])('drops a client address that is not an IP address: %s', (ip) => {
    expect(auditContext({ ...request, ip }).ip).toBeNull();
  });

  it('cuts request id and system name to their columns (128 and 60 characters)', () => {
    const c = auditContext({ ...systemContext('job:' + 'j'.repeat(100)), requestId: 'r'.repeat(200) });
    expect(c.requestId).toHaveLength(128);
    expect(c.system).toHaveLength(60);
    expect(auditContext(request)).not.toHaveProperty('system');
  });
});

describe('setAuditContext', () => {
  it('sets the transaction-local ejournal.ctx to the JSON of the context', async () => {
    const { queries, r } = runner(1);
    await setAuditContext(r as unknown as QueryRunner, { ...request, ip: 'garbage' });
    expect(queries).toHaveLength(1);
    expect(queries[0].sql).toBe(`SELECT set_config('ejournal.ctx', $1, true)`);
    expect(JSON.parse(queries[0].params[0] as string)).toEqual({ ...request, ip: null });
  });
});

describe('AuditContextSubscriber', () => {
  const subscriber = new AuditContextSubscriber();

  it('stamps the outermost transaction started inside a context', async () => {
    const { queries, event } = runner(1);
    await runWithContext(request, () => subscriber.afterTransactionStart(event));
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatchObject({ sql: `SELECT set_config('ejournal.ctx', $1, true)`, name: expect.stringMatching(/^ej_/) });
    expect(JSON.parse(queries[0].params[0] as string)).toMatchObject({ userId: request.userId, requestId: 'req-1' });
  });

  it('leaves savepoints alone (they share the outer transaction’s setting)', async () => {
    const { queries, event } = runner(2);
    await runWithContext(request, () => subscriber.afterTransactionStart(event));
    expect(queries).toEqual([]);
  });

  it('sets nothing outside a context, so the database refuses the audited write', async () => {
    const { queries, event } = runner(1);
    await subscriber.afterTransactionStart(event);
    expect(queries).toEqual([]);
  });
});
