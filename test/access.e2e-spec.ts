import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ALL_ROLES, Role, SCHOOL_ROLES } from '../src/common/access/role';
import { ACCESS_MATRIX, SAMPLE_BODIES, SAMPLE_QUERIES, SESSION_ENDING } from './access-matrix';
import { bearer, createTestApp, seedOperator, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

const OPERATOR_LOGIN = 'operator.test';

interface Operation {
  operationId: string;
  method: string;
  path: string;
  public: boolean;
  roles: string[];
}

const spec = JSON.parse(readFileSync(resolve(__dirname, '..', 'openapi', 'openapi.json'), 'utf8'));
const operations: Operation[] = Object.entries(spec.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
  ([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({
        operationId: op.operationId as string,
        method,
        path,
        public: op['x-public'] === true,
        roles: (op['x-roles'] as string[] | undefined) ?? [],
      })),
);

function fill(path: string, ids: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? randomUUID());
}

function call(t: TestApp, op: Operation, ids: Record<string, string>, auth?: string) {
  const method = op.method as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let req = t.http[method](fill(op.path, ids)).query(SAMPLE_QUERIES[op.operationId] ?? {});
  if (auth) req = req.set('authorization', auth);
  const body = SAMPLE_BODIES[op.operationId];
  return body ? req.send(body) : req;
}

describe('access matrix: every operation of the contract, every role', () => {
  let t: TestApp;
  let own: TestSchool;
  let other: TestSchool;
  const tokens = {} as Record<Role, string>;
  let otherIds: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    own = await seedTestSchool(t, 1);
    other = await seedTestSchool(t, 2, { lessons: true });
    for (const role of SCHOOL_ROLES) tokens[role] = await bearer(t, own.logins[role]);
    await bearer(t, other.logins.admin); // a session of the other school, for the cross-school check
    await seedOperator(t, OPERATOR_LOGIN);
    tokens[Role.Operator] = await bearer(t, OPERATOR_LOGIN);
    // real records of the other school, one per kind of path parameter
    const one = async (sql: string) => ((await t.db.query(sql, [other.id])) as Array<{ id: string }>)[0].id;
    const oneOrMade = async (select: string, insert: string) =>
      ((await t.db.query(select, [other.id])) as Array<{ id: string }>)[0]?.id ??
      ((await systemWrite(t, insert, [other.id])) as Array<{ id: string }>)[0].id;
    otherIds = {
      schoolId: other.id,
      yearId: await one('SELECT id FROM academic_year WHERE school_id = $1'),
      periodId: await one('SELECT id FROM study_period WHERE school_id = $1'),
      holidayId: await one('SELECT id FROM holiday WHERE school_id = $1'),
      dayId: await one('SELECT id FROM calendar_day WHERE school_id = $1'),
      scheduleId: await one('SELECT id FROM bell_schedule WHERE school_id = $1'),
      markTypeId: await one('SELECT id FROM mark_type WHERE school_id = $1'),
      subjectId: await one('SELECT id FROM subject WHERE school_id = $1'),
      userId: await one('SELECT id FROM app_user WHERE school_id = $1'),
      staffId: await one('SELECT id FROM staff WHERE school_id = $1'),
      classId: await one('SELECT id FROM school_class WHERE school_id = $1'),
      // a subgroup and a teaching assignment of the other school (made here while the seed has none)
      subgroupId: await oneOrMade(
        'SELECT id FROM subgroup WHERE school_id = $1',
        `INSERT INTO subgroup (school_id, class_id, subject_id, name)
         SELECT $1, (SELECT id FROM school_class WHERE school_id = $1 LIMIT 1), (SELECT id FROM subject WHERE school_id = $1 LIMIT 1),
                'Проверка доступа'
         RETURNING id`,
      ),
      assignmentId: await oneOrMade(
        'SELECT id FROM teaching_assignment WHERE school_id = $1',
        `INSERT INTO teaching_assignment (school_id, academic_year_id, staff_id, subject_id, class_id, hours_per_week)
         SELECT c.school_id, c.academic_year_id, (SELECT id FROM staff WHERE school_id = $1 LIMIT 1),
                (SELECT id FROM subject WHERE school_id = $1 LIMIT 1), c.id, 1
           FROM school_class c WHERE c.school_id = $1 LIMIT 1
         RETURNING id`,
      ),
      // a room and a timetable entry of the other school
      roomId: (await systemWrite(t, `INSERT INTO room (school_id, number) VALUES ($1, 'Чужой-1') RETURNING id`, [other.id]) as Array<{ id: string }>)[0].id,
      entryId: ((await systemWrite(
        t,
        `INSERT INTO timetable_entry (school_id, academic_year_id, weekday, lesson_number, teaching_assignment_id, valid_from)
         SELECT a.school_id, a.academic_year_id, 7, 0, a.id, y.starts_on
           FROM teaching_assignment a JOIN academic_year y ON y.id = a.academic_year_id WHERE a.school_id = $1 LIMIT 1
         RETURNING id`,
        [other.id],
      )) as Array<{ id: string }>)[0].id,
      // a dated change (a cancellation) of the other school's entry above
      changeId: ((await systemWrite(
        t,
        `INSERT INTO timetable_change (school_id, date, lesson_number, kind, timetable_entry_id, reason)
         SELECT e.school_id, e.valid_from + 7 - extract(isodow FROM e.valid_from)::int, e.lesson_number, 'cancellation', e.id, 'Проверка доступа'
           FROM timetable_entry e WHERE e.school_id = $1 LIMIT 1
         RETURNING id`,
        [other.id],
      )) as Array<{ id: string }>)[0].id,
      // a dated lesson of the other school (its seeded timetable has them)
      lessonId: ((await t.db.query('SELECT id FROM lesson WHERE school_id = $1 LIMIT 1', [other.id])) as Array<{ id: string }>)[0].id,
      // a notification of the other school's admin
      notificationId: ((await systemWrite(
        t,
        `INSERT INTO notification (school_id, user_id, kind, title, body)
         SELECT $1, u.id, 'timetable-change', 'Проверка доступа', 'Проверка доступа' FROM app_user u WHERE u.login = $2
         RETURNING id`,
        [other.id, other.logins.admin],
      )) as Array<{ id: string }>)[0].id,
      // a student and a guardian of the other school (the seed may not have them yet: made here when missing)
      studentId: await oneOrMade(
        'SELECT id FROM student WHERE school_id = $1',
        `INSERT INTO student (school_id, surname, name, birth_date, gender, personal_file_number)
         VALUES ($1, 'Чужой', 'Ученик', '2015-01-01', 'm', 'ЧУЖОЙ-1') RETURNING id`,
      ),
      guardianId: await oneOrMade(
        'SELECT id FROM guardian WHERE school_id = $1',
        `INSERT INTO guardian (school_id, surname, name) VALUES ($1, 'Чужой', 'Родитель') RETURNING id`,
      ),
      // an outage window and a (home-schooling) mark of the other school
      outageId: ((await systemWrite(
        t,
        `INSERT INTO journal_outage (school_id, starts_at, ends_at, reason) VALUES ($1, '2026-09-07T08:00:00Z', '2026-09-07T09:00:00Z', 'Проверка доступа') RETURNING id`,
        [other.id],
      )) as Array<{ id: string }>)[0].id,
      markId: ((await systemWrite(
        t,
        `INSERT INTO mark (school_id, teaching_assignment_id, date, student_id, mark_type_id, value, source, source_document, deadline)
         SELECT $1, (SELECT id FROM teaching_assignment WHERE school_id = $1 LIMIT 1), '2026-09-07', (SELECT id FROM student WHERE school_id = $1 LIMIT 1),
                (SELECT id FROM mark_type WHERE school_id = $1 LIMIT 1), 5, 'home', 'Проверка доступа', '2026-09-07'
         RETURNING id`,
        [other.id],
      )) as Array<{ id: string }>)[0].id,
      sessionId: await one('SELECT id FROM user_session WHERE school_id = $1'),
      // an invitation code of a student of the other school
      codeId: ((await systemWrite(
        t,
        `WITH s AS (INSERT INTO student (school_id, surname, name, birth_date, gender, personal_file_number)
                    VALUES ($1, 'Чужой', 'Ученик', '2015-01-01', 'm', 'ACCESS-CODE-1') RETURNING id, school_id)
         INSERT INTO invitation_code (school_id, kind, student_id, code_hash, expires_at)
         SELECT school_id, 'student', id, encode(sha256(gen_random_uuid()::text::bytea), 'hex'), now() + interval '1 day' FROM s
         RETURNING id`,
        [other.id],
      )) as Array<{ id: string }>)[0].id,
      // a finished job of the other school's admin, with a file
      jobId: ((await systemWrite(
        t,
        `WITH j AS (INSERT INTO job (school_id, type, queue, requested_by, status, progress, finished_at)
                    SELECT $1, 'audit-export', 'reports', u.id, 'succeeded', 100, now() FROM app_user u WHERE u.login = $2
                    RETURNING id, school_id)
         INSERT INTO job_file (job_id, school_id, file_name, content_type, size, content)
         SELECT id, school_id, 'Журнал.xlsx', 'application/octet-stream', 1, '\\x00'::bytea FROM j RETURNING job_id AS id`,
        [other.id, other.logins.admin],
      )) as Array<{ id: string }>)[0].id,
    };
  }, 60_000);
  afterAll(() => t.close());

  it('the contract has operations to walk', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it('every operation has a row in the matrix, and every row an operation', () => {
    expect(operations.map((o) => o.operationId).sort()).toEqual(Object.keys(ACCESS_MATRIX).sort());
  });

  it('every route declares the access its row states', () => {
    for (const op of operations) {
      const row = ACCESS_MATRIX[op.operationId];
      if (row === 'public') expect({ op: op.operationId, public: op.public }).toEqual({ op: op.operationId, public: true });
      else expect({ op: op.operationId, roles: [...op.roles].sort() }).toEqual({ op: op.operationId, roles: [...row].sort() });
    }
  });

  it('every non-public operation answers 401 without a token', async () => {
    for (const op of operations.filter((o) => !o.public)) {
      const res = await call(t, op, {});
      expect({ op: op.operationId, status: res.status, code: res.body.code }).toEqual({
        op: op.operationId,
        status: 401,
        code: 'unauthenticated',
      });
    }
  }, 60_000);

  it('a role outside the row answers 403; a role inside is let through', async () => {
    for (const op of operations.filter((o) => !o.public)) {
      const allowed = ACCESS_MATRIX[op.operationId] as Role[];
      for (const role of ALL_ROLES) {
        const login = role === Role.Operator ? OPERATOR_LOGIN : own.logins[role];
        const auth = SESSION_ENDING.has(op.operationId) ? await bearer(t, login) : tokens[role];
        const res = await call(t, op, { schoolId: own.id }, auth);
        if (allowed.includes(role)) {
          expect({ op: op.operationId, role, refused: [401, 403].includes(res.status) }).toEqual({
            op: op.operationId,
            role,
            refused: false,
          });
        } else {
          expect({ op: op.operationId, role, status: res.status, code: res.body.code }).toEqual({
            op: op.operationId,
            role,
            status: 403,
            code: 'forbidden',
          });
        }
      }
    }
  }, 60_000);

  it("another school's records answer 404 to every operation that takes an id", async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM mark_type WHERE school_id = $1 AND archived_at IS NULL', [other.id]);
    for (const op of operations.filter((o) => !o.public && /\{\w+\}/.test(o.path))) {
      const role = (ACCESS_MATRIX[op.operationId] as Role[])[0];
      // the regional operator belongs to no school and reaches every school by design: an unknown id answers 404
      const res = await call(t, op, role === Role.Operator ? {} : otherIds, tokens[role]);
      expect({ op: op.operationId, status: res.status, code: res.body.code }).toEqual({
        op: op.operationId,
        status: 404,
        code: 'not-found',
      });
    }
    const after = await t.db.query('SELECT count(*)::int AS n FROM mark_type WHERE school_id = $1 AND archived_at IS NULL', [other.id]);
    expect(after).toEqual(before);
  }, 60_000);
});
