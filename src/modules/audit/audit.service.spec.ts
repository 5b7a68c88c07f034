import { DataSource, EntityManager } from 'typeorm';
import { Role } from '../../common/access/role';
import { ActionContext, runWithContext, systemContext } from '../../common/context/request-context';
import { AuditAction } from './audit-action';
import { AuditService, maskSecrets } from './audit.service';
import { AuditOutcome } from './entities/audit-event.entity';

type Call = { sql: string; params: unknown[] };

/** AuditService on a stand-in database that records the statements it is given. */
function service() {
  const calls: { via: 'db' | 'tx'; call: Call }[] = [];
  const manager = (via: 'db' | 'tx') => ({ query: async (sql: string, params: unknown[]) => void calls.push({ via, call: { sql, params } }) }) as unknown as EntityManager;
  const audit = new AuditService({ manager: manager('db') } as unknown as DataSource);
  return { audit, calls, tx: manager('tx') };
}

/** The INSERT's parameters by column. */
function columns(params: unknown[]) {
  const names = ['school_id', 'actor_user_id', 'actor_roles', 'session_id', 'action', 'outcome', 'entity', 'entity_id', 'subject_person_id', 'details', 'client_ip', 'request_id', 'system'];
  return Object.fromEntries(names.map((n, i) => [n, params[i]]));
}

const request: ActionContext = {
  userId: '22222222-2222-4222-8222-222222222222',
  schoolId: '11111111-1111-4111-8111-111111111111',
  roles: [Role.Director],
  sessionId: '44444444-4444-4444-8444-444444444444',
  ip: '192.0.2.10',
  requestId: 'req-7',
};

describe('AuditService.record', () => {
  it("stamps the event with the request's actor, school, session, address and request id", async () => {
    const { audit, calls } = service();
    await runWithContext(request, () => audit.record({ action: AuditAction.Logout }));
    expect(calls).toHaveLength(1);
    expect(calls[0].call.sql).toMatch(/INSERT INTO audit_event/);
    expect(columns(calls[0].call.params)).toEqual({
      school_id: request.schoolId,
      actor_user_id: request.userId,
      actor_roles: ['director'],
      session_id: request.sessionId,
      action: 'logout',
      outcome: 'success',
      entity: null,
      entity_id: null,
      subject_person_id: null,
      details: null,
      client_ip: '192.0.2.10',
      request_id: 'req-7',
      system: null,
    });
  });

  it('the actor given (a login that just identified the user) overrides the anonymous context; undefined fields do not', async () => {
    const { audit, calls } = service();
    const anonymous: ActionContext = { ...request, userId: null, schoolId: null, roles: [], sessionId: null };
    await runWithContext(anonymous, () =>
      audit.record({
        action: AuditAction.Login,
        actor: { userId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', schoolId: request.schoolId, roles: [Role.Teacher], sessionId: undefined },
      }),
    );
    expect(columns(calls[0].call.params)).toMatchObject({
      actor_user_id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
      school_id: request.schoolId,
      actor_roles: ['teacher'],
      session_id: null,
      client_ip: '192.0.2.10',
      request_id: 'req-7',
    });
  });

  it('outcome, entity, subject and details are written; details as JSON', async () => {
    const { audit, calls } = service();
    await runWithContext(request, () =>
      audit.record({
        action: AuditAction.LoginFailed,
        outcome: AuditOutcome.Failure,
        entity: 'app_user',
        entityId: 'x',
        subjectPersonId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
        details: { login: 'учитель', reason: 'wrong-password' },
      }),
    );
    const c = columns(calls[0].call.params);
    expect(c).toMatchObject({ action: 'login-failed', outcome: 'failure', entity: 'app_user', entity_id: 'x', subject_person_id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb' });
    expect(JSON.parse(c.details as string)).toEqual({ login: 'учитель', reason: 'wrong-password' });
  });

  it("with a transaction's manager the event is written through it (and commits or rolls back with it)", async () => {
    const { audit, calls, tx } = service();
    await runWithContext(request, () => audit.record({ action: AuditAction.PasswordChange }, tx));
    expect(calls.map((c) => c.via)).toEqual(['tx']);
  });

  it('system work is stamped with its name and no actor; outside any context nothing is invented', async () => {
    const { audit, calls } = service();
    await runWithContext(systemContext('job:42', request.schoolId), () => audit.record({ action: AuditAction.AuditExport }));
    await audit.record({ action: AuditAction.SessionEnd });
    expect(columns(calls[0].call.params)).toMatchObject({ system: 'job:42', actor_user_id: null, school_id: request.schoolId, actor_roles: [] });
    expect(columns(calls[1].call.params)).toMatchObject({ system: null, actor_user_id: null, school_id: null, actor_roles: [], client_ip: null, request_id: null });
  });

  it('a forged client address (X-Forwarded-For behind a trusting proxy) is not written; a real IPv6 one is', async () => {
    const { audit, calls } = service();
    await runWithContext({ ...request, ip: 'x'.repeat(300) }, () => audit.record({ action: AuditAction.Logout }));
    await runWithContext({ ...request, ip: '2001:db8::17' }, () => audit.record({ action: AuditAction.Logout }));
    expect(columns(calls[0].call.params).client_ip).toBeNull();
    expect(columns(calls[1].call.params).client_ip).toBe('2001:db8::17');
  });
});

describe('AuditService.personalDataRead', () => {
  it('records who read whose data, which record and which fields', async () => {
    const { audit, calls } = service();
    await runWithContext(request, () =>
      audit.personalDataRead({ entity: 'student', entityId: 's-1', subjectPersonId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', fields: ['birthDate', 'address'] }),
    );
    const c = columns(calls[0].call.params);
    expect(c).toMatchObject({ action: 'personal-data-read', outcome: 'success', entity: 'student', entity_id: 's-1', subject_person_id: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', actor_user_id: request.userId });
    expect(JSON.parse(c.details as string)).toEqual({ fields: ['birthDate', 'address'] });
  });

  it('without fields the details stay empty', async () => {
    const { audit, calls } = service();
    await runWithContext(request, () => audit.personalDataRead({ entity: 'student', entityId: 's-1', subjectPersonId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc' }));
    expect(columns(calls[0].call.params).details).toBeNull();
  });
});

describe('maskSecrets', () => {
  it('replaces the value of every secret-named key, at any depth, and keeps the rest', () => {
    expect(
      maskSecrets({
        login: 'учитель',
        password: 'пароль-123',
        newPassword: 'x',
        refreshToken: 'rt',
        tokenHash: 'h',
        nested: { apiSecret: 's', reason: 'wrong-password', list: [{ passwd: 'p', ok: 1 }] },
        fields: ['passwordHash', 'fullName'],
        at: null,
      }),
    ).toEqual({
      login: 'учитель',
      password: '***',
      newPassword: '***',
      refreshToken: '***',
      tokenHash: '***',
      nested: { apiSecret: '***', reason: 'wrong-password', list: [{ passwd: '***', ok: 1 }] },
      fields: ['passwordHash', 'fullName'],
      at: null,
    });
  });

  it('a secret put into details by mistake never reaches the INSERT', async () => {
    const { audit, calls } = service();
    await runWithContext(request, () => audit.record({ action: AuditAction.PasswordChange, details: { oldPassword: 'старый-пароль', via: 'self' } }));
    const details = columns(calls[0].call.params).details as string;
    expect(JSON.parse(details)).toEqual({ oldPassword: '***', via: 'self' });
    expect(details).not.toContain('старый-пароль');
  });
});
