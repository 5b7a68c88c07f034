import { ProblemError } from '../../common/errors/problem';
import { MAX_USAGE_DAYS, toAuditEventResponse, usagePeriod } from './audit-events.service';
import { AuditEventRow } from './audit-query';

const row = (over: Partial<AuditEventRow> = {}): AuditEventRow => ({
  id: '1024',
  occurred_at: new Date('2026-03-09T23:30:00.123Z'),
  school_id: '11111111-1111-4111-8111-111111111111',
  actor_user_id: '22222222-2222-4222-8222-222222222222',
  actor_login: 'admin.s1',
  actor_full_name: 'Ёлкина Анна Сергеевна',
  actor_roles: ['admin'],
  session_id: '44444444-4444-4444-8444-444444444444',
  action: 'update',
  outcome: 'success',
  entity: 'holiday',
  entity_id: '55555555-5555-4555-8555-555555555555',
  subject_person_id: null,
  changes: { name: { from: 'Осенние каникулы', to: 'Осенние каникулы (перенесены)' } },
  client_ip: '192.0.2.10',
  request_id: 'req-1',
  system: null,
  details: null,
  ...over,
});

describe('toAuditEventResponse', () => {
  it('maps every column, the time as ISO 8601 UTC and the actor with login and name', () => {
    expect(toAuditEventResponse(row())).toEqual({
      id: '1024',
      occurredAt: '2026-03-09T23:30:00.123Z',
      actor: { id: '22222222-2222-4222-8222-222222222222', login: 'admin.s1', fullName: 'Ёлкина Анна Сергеевна' },
      actorRoles: ['admin'],
      sessionId: '44444444-4444-4444-8444-444444444444',
      action: 'update',
      outcome: 'success',
      entity: 'holiday',
      entityId: '55555555-5555-4555-8555-555555555555',
      subjectPersonId: null,
      changes: { name: { from: 'Осенние каникулы', to: 'Осенние каникулы (перенесены)' } },
      clientIp: '192.0.2.10',
      requestId: 'req-1',
      system: null,
      details: null,
    });
  });

  it('system work and anonymous attempts have no actor', () => {
    const r = toAuditEventResponse(row({ actor_user_id: null, actor_login: null, actor_full_name: null, actor_roles: [], system: 'seed' }));
    expect(r).toMatchObject({ actor: null, actorRoles: [], system: 'seed' });
  });

  it('an actor whose account no longer exists keeps its id, with an empty login and name', () => {
    expect(toAuditEventResponse(row({ actor_login: null, actor_full_name: null })).actor).toEqual({
      id: '22222222-2222-4222-8222-222222222222',
      login: '',
      fullName: '',
    });
  });

  it('the details of an application event are passed through', () => {
    const r = toAuditEventResponse(row({ action: 'personal-data-read', changes: null, details: { fields: ['fullName'] } }));
    expect(r).toMatchObject({ action: 'personal-data-read', changes: null, details: { fields: ['fullName'] } });
  });
});

describe('usagePeriod', () => {
  const refusal = (fn: () => unknown): ProblemError => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(ProblemError);
      return e as ProblemError;
    }
    throw new Error('expected a refusal');
  };

  it('defaults to the last 30 days ending today', () => {
    expect(usagePeriod({}, '2026-03-10')).toEqual({ from: '2026-02-09', to: '2026-03-10' });
    // across a year end and a leap day
    expect(usagePeriod({}, '2026-01-15')).toEqual({ from: '2025-12-17', to: '2026-01-15' });
    expect(usagePeriod({}, '2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-03-01' });
  });

  it('only to given: the 30 days ending then; only from given: from then to today', () => {
    expect(usagePeriod({ to: '2025-06-30' }, '2026-03-10')).toEqual({ from: '2025-06-01', to: '2025-06-30' });
    expect(usagePeriod({ from: '2026-03-01' }, '2026-03-10')).toEqual({ from: '2026-03-01', to: '2026-03-10' });
  });

  it(`at most ${MAX_USAGE_DAYS} days: 366 days are allowed, 367 are 422 period-too-long naming from`, () => {
    expect(MAX_USAGE_DAYS).toBe(366);
    expect(usagePeriod({ from: '2025-01-01', to: '2026-01-01' }, '2026-03-10')).toEqual({ from: '2025-01-01', to: '2026-01-01' });
    expect(usagePeriod({ from: '2024-01-01', to: '2024-12-31' }, '2026-03-10')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    const e = refusal(() => usagePeriod({ from: '2025-01-01', to: '2026-01-02' }, '2026-03-10'));
    expect(e).toMatchObject({ status: 422, code: 'period-too-long' });
    expect(e.errors).toEqual([{ field: 'from', message: expect.any(String) }]);
  });

  it('a period ending before it starts is period-invalid, also when only from is given and lies after today', () => {
    expect(refusal(() => usagePeriod({ from: '2026-03-10', to: '2026-03-09' }, '2026-03-10')).code).toBe('period-invalid');
    expect(refusal(() => usagePeriod({ from: '2026-03-11' }, '2026-03-10')).code).toBe('period-invalid');
  });
});
