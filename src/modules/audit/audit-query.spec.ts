import { ProblemError } from '../../common/errors/problem';
import { AuditAction } from './audit-action';
import { auditEventsSql, checkPeriod } from './audit-query';

const SCHOOL = '11111111-1111-4111-8111-111111111111';
const ACTOR = '22222222-2222-4222-8222-222222222222';
const SUBJECT = '33333333-3333-4333-8333-333333333333';

/** The WHERE conditions of the built query, one per line. */
function conditions(sql: string): string[] {
  const where = sql.slice(sql.indexOf('WHERE') + 'WHERE'.length, sql.indexOf('ORDER BY')).trim();
  return where.split(' AND ').map((c) => c.trim());
}

function refusal(fn: () => void): ProblemError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemError);
    return e as ProblemError;
  }
  throw new Error('expected a refusal');
}

describe('checkPeriod', () => {
  it('a period that ends before it starts is 422 period-invalid naming to', () => {
    const e = refusal(() => checkPeriod({ from: '2026-03-10', to: '2026-03-09' }));
    expect(e.status).toBe(422);
    expect(e.code).toBe('period-invalid');
    expect(e.errors).toEqual([{ field: 'to', message: expect.any(String) }]);
  });

  it('one day, a long period and open-ended periods are fine', () => {
    expect(() => checkPeriod({ from: '2026-03-10', to: '2026-03-10' })).not.toThrow();
    expect(() => checkPeriod({ from: '2025-12-31', to: '2026-01-01' })).not.toThrow();
    expect(() => checkPeriod({ from: '2026-03-10' })).not.toThrow();
    expect(() => checkPeriod({ to: '2026-03-10' })).not.toThrow();
    expect(() => checkPeriod({})).not.toThrow();
  });
});

describe('auditEventsSql', () => {
  it('without filters: only the school, newest first, the page size as the last parameter', () => {
    const { sql, params } = auditEventsSql(SCHOOL, {}, { limit: 51 });
    expect(params).toEqual([SCHOOL, 51]);
    expect(conditions(sql)).toEqual(['e.school_id = $1']);
    expect(sql).toMatch(/ORDER BY e\.id DESC\s+LIMIT \$2\s*$/);
    expect(sql).toContain('LEFT JOIN app_user u ON u.id = e.actor_user_id');
  });

  it.each([
    ['actorUserId', ACTOR, 'e.actor_user_id = $2'],
    ['subjectPersonId', SUBJECT, 'e.subject_person_id = $2'],
    ['entity', 'study_period', 'e.entity = $2'],
    ['action', AuditAction.PersonalDataRead, 'e.action = $2'],
  ])('filter %s binds its value as a parameter', (field, value, condition) => {
    const { sql, params } = auditEventsSql(SCHOOL, { [field]: value }, { limit: 10 });
    expect(params).toEqual([SCHOOL, value, 10]);
    expect(conditions(sql)).toEqual(['e.school_id = $1', condition]);
    expect(sql).toMatch(/LIMIT \$3\s*$/);
  });

  it("from and to are school-local days: midnight of from and of the day after to, in the school's time zone", () => {
    const { sql, params } = auditEventsSql(SCHOOL, { from: '2026-03-01', to: '2026-03-31' }, { limit: 10 });
    expect(params).toEqual([SCHOOL, '2026-03-01', '2026-03-31', 10]);
    const [, from, to] = conditions(sql);
    expect(from).toBe('e.occurred_at >= ($2::date)::timestamp AT TIME ZONE (SELECT time_zone FROM school WHERE id = $1)');
    expect(to).toBe('e.occurred_at < ($3::date + 1)::timestamp AT TIME ZONE (SELECT time_zone FROM school WHERE id = $1)');
  });

  it('the page continues strictly below the cursor id', () => {
    const { sql, params } = auditEventsSql(SCHOOL, {}, { limit: 3, beforeId: '1024' });
    expect(params).toEqual([SCHOOL, '1024', 3]);
    expect(conditions(sql)).toEqual(['e.school_id = $1', 'e.id < $2::bigint']);
  });

  it('all filters together number their parameters in order and never put a value into the SQL text', () => {
    const filter = {
      actorUserId: ACTOR,
      subjectPersonId: SUBJECT,
      entity: "holiday'; DROP TABLE audit_event; --",
      action: AuditAction.Update,
      from: '2026-01-01',
      to: '2026-01-31',
    };
    const { sql, params } = auditEventsSql(SCHOOL, filter, { limit: 50, beforeId: '77' });
    expect(params).toEqual([SCHOOL, ACTOR, SUBJECT, filter.entity, 'update', '2026-01-01', '2026-01-31', '77', 50]);
    expect(conditions(sql)).toHaveLength(8);
    for (const value of params) expect(sql).not.toContain(String(value));
    expect(sql).toMatch(/LIMIT \$9\s*$/);
  });

  it('a period that ends before it starts is refused before any SQL is built', () => {
    expect(refusal(() => auditEventsSql(SCHOOL, { from: '2026-02-01', to: '2026-01-31' }, { limit: 1 })).code).toBe('period-invalid');
  });
});
