import { DataSource } from 'typeorm';
import { Actor } from '../src/common/access/actor';
import { ALL_ROLES, Role } from '../src/common/access/role';
import * as reach from '../src/modules/contingent/reach/reach';
import {
  assertClassInReach,
  assertClassManagedBy,
  assertGuardianInReach,
  assertStudentInReach,
  classInReach,
  namedParams,
  studentInReach,
} from '../src/modules/contingent/reach/reach';
import { createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(60_000);

/**
 * The relationship layer on its own, against the real schema: who reaches which students, classes and guardians.
 * Fixtures are this suite's own classes (11Ю, 11Я, 10Ю) and students, so whatever the seed holds does not matter.
 */
describe('the relationship layer (reach)', () => {
  let t: TestApp;
  let s1: TestSchool;
  let s2: TestSchool;
  let db: DataSource;
  const ids = {} as Record<string, string>;
  const actor = (userId: string, ...roles: Role[]): Actor => ({ userId, schoolId: s1.id, roles, sessionId: userId });
  let teacher: Actor;
  let parent: Actor;
  let student: Actor;

  const one = async (sql: string, params: unknown[] = []): Promise<string> =>
    ((await systemWrite(t, sql, params)) as Array<{ id: string }>)[0].id;
  const userId = async (login: string) => ((await db.query('SELECT id FROM app_user WHERE login = $1', [login])) as Array<{ id: string }>)[0].id;

  /** Among this suite's students, those the actor's list query returns (the SQL filter, not a check after loading). */
  async function listed(a: Actor): Promise<string[]> {
    const p = namedParams();
    const rows = await db
      .createQueryBuilder()
      .select('s.id', 'id')
      .from('student', 's')
      .where('s.id IN (:...mine)', { mine: Object.entries(ids).filter(([k]) => k.startsWith('st')).map(([, v]) => v) })
      .andWhere(studentInReach(a, 's.id', p.bind), p.params)
      .getRawMany<{ id: string }>();
    const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    return rows.map((r) => names[r.id]).sort();
  }

  async function reaches(check: () => Promise<void>): Promise<boolean> {
    try {
      await check();
      return true;
    } catch (e) {
      if ((e as { status?: number }).status === 404) return false;
      throw e;
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    db = t.db;
    s1 = await seedTestSchool(t, 1);
    s2 = await seedTestSchool(t, 2);
    const year = await one('SELECT id FROM academic_year WHERE school_id = $1 ORDER BY starts_on LIMIT 1', [s1.id]);
    const staff = await one('SELECT st.id FROM staff st JOIN app_user u ON u.id = st.user_id WHERE u.login = $1', [s1.logins.teacher]);
    const english = await one(`SELECT id FROM subject WHERE school_id = $1 AND code = 'english'`, [s1.id]);
    const math = await one(`SELECT id FROM subject WHERE school_id = $1 AND code = 'math'`, [s1.id]);
    const newClass = (grade: number, letter: string, teacherId: string | null) =>
      one('INSERT INTO school_class (school_id, academic_year_id, grade, letter, class_teacher_staff_id) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
        s1.id,
        year,
        grade,
        letter,
        teacherId,
      ]);
    ids.classOwn = await newClass(11, 'Ю', staff); // teacher.s1 is its class teacher
    ids.classTaught = await newClass(11, 'Я', null); // teacher.s1 teaches math to the whole class
    ids.classGroup = await newClass(10, 'Ю', null); // teacher.s1 teaches English to one subgroup
    ids.classNone = await newClass(10, 'Я', null); // no relation
    const newStudent = (n: number) =>
      one(
        `INSERT INTO student (school_id, surname, name, birth_date, gender, personal_file_number) VALUES ($1, $2, 'Тест', '2010-01-01', 'm', $3) RETURNING id`,
        [s1.id, `Охватов-${n}`, `REACH-${n}`],
      );
    const enrol = (studentId: string, classId: string, from = '2026-09-01', to: string | null = null) =>
      systemWrite(t, 'INSERT INTO enrollment (school_id, student_id, class_id, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5)', [
        s1.id,
        studentId,
        classId,
        from,
        to,
      ]);
    for (let i = 1; i <= 7; i++) ids[`st${i}`] = await newStudent(i);
    await enrol(ids.st1, ids.classOwn);
    await enrol(ids.st2, ids.classOwn, '2026-09-01', '2026-10-01'); // departed from the own class
    await enrol(ids.st3, ids.classTaught);
    await enrol(ids.st4, ids.classGroup);
    await enrol(ids.st5, ids.classGroup);
    await enrol(ids.st6, ids.classNone);
    // st7: enrolled nowhere
    const group = await one(`INSERT INTO subgroup (school_id, class_id, subject_id, name) VALUES ($1, $2, $3, '1 группа') RETURNING id`, [
      s1.id,
      ids.classGroup,
      english,
    ]);
    await systemWrite(t, `INSERT INTO subgroup_member (school_id, subgroup_id, student_id, starts_on) VALUES ($1, $2, $3, '2026-09-01')`, [
      s1.id,
      group,
      ids.st4,
    ]);
    const assign = (classId: string, subject: string, subgroup: string | null) =>
      systemWrite(
        t,
        'INSERT INTO teaching_assignment (school_id, academic_year_id, staff_id, subject_id, class_id, subgroup_id, hours_per_week) VALUES ($1, $2, $3, $4, $5, $6, 3)',
        [s1.id, year, staff, subject, classId, subgroup],
      );
    await assign(ids.classTaught, math, null);
    await assign(ids.classGroup, english, group);
    // guardians: the parent's account is the guardian of st1 and st6; another family's guardian of st3
    const parentUser = await userId(s1.logins.parent);
    await systemWrite(t, 'UPDATE guardian SET user_id = NULL WHERE user_id = $1', [parentUser]);
    ids.guardianOwn = await one(`INSERT INTO guardian (school_id, surname, name, user_id) VALUES ($1, 'Охватова', 'Мать', $2) RETURNING id`, [
      s1.id,
      parentUser,
    ]);
    ids.guardianOther = await one(`INSERT INTO guardian (school_id, surname, name) VALUES ($1, 'Чужая', 'Семья') RETURNING id`, [s1.id]);
    const link = (studentId: string, guardianId: string) =>
      systemWrite(t, `INSERT INTO student_guardian (school_id, student_id, guardian_id, relation) VALUES ($1, $2, $3, 'mother')`, [
        s1.id,
        studentId,
        guardianId,
      ]);
    await link(ids.st1, ids.guardianOwn);
    await link(ids.st6, ids.guardianOwn);
    await link(ids.st3, ids.guardianOther);
    const studentUser = await userId(s1.logins.student);
    await systemWrite(t, 'UPDATE student SET user_id = NULL WHERE user_id = $1', [studentUser]);
    await systemWrite(t, 'UPDATE student SET user_id = $2 WHERE id = $1', [ids.st5, studentUser]);
    // a student of the other school
    ids.otherSchoolStudent = await one(
      `INSERT INTO student (school_id, surname, name, birth_date, gender, personal_file_number) VALUES ($1, 'Чужой', 'Школьник', '2010-01-01', 'f', 'REACH-X') RETURNING id`,
      [s2.id],
    );
    teacher = actor(await userId(s1.logins.teacher), Role.Teacher);
    parent = actor(parentUser, Role.Parent);
    student = actor(studentUser, Role.Student);
  });
  afterAll(() => t.close());

  it('a class teacher reaches every student ever enrolled in their class; a whole-class assignment the class; a subgroup assignment only its members', async () => {
    expect(await listed(teacher)).toEqual(['st1', 'st2', 'st3', 'st4']);
  });

  it('a teacher reaches the classes they lead or teach in, not another class', async () => {
    for (const c of ['classOwn', 'classTaught', 'classGroup']) expect(await reaches(() => assertClassInReach(db.manager, teacher, ids[c]))).toBe(true);
    expect(await reaches(() => assertClassInReach(db.manager, teacher, ids.classNone))).toBe(false);
  });

  it('a guardian reaches only their own children, their own record and not another family', async () => {
    expect(await listed(parent)).toEqual(['st1', 'st6']);
    expect(await reaches(() => assertStudentInReach(db.manager, parent, ids.st3))).toBe(false);
    expect(await reaches(() => assertGuardianInReach(db.manager, parent, ids.guardianOwn))).toBe(true);
    expect(await reaches(() => assertGuardianInReach(db.manager, parent, ids.guardianOther))).toBe(false);
  });

  it('a student reaches only themself', async () => {
    expect(await listed(student)).toEqual(['st5']);
    expect(await reaches(() => assertStudentInReach(db.manager, student, ids.st4))).toBe(false);
  });

  it('a parent or student reaches the classes of their children or their own, not others', async () => {
    expect(await reaches(() => assertClassInReach(db.manager, parent, ids.classNone))).toBe(true);
    expect(await reaches(() => assertClassInReach(db.manager, parent, ids.classTaught))).toBe(false);
    expect(await reaches(() => assertClassInReach(db.manager, student, ids.classGroup))).toBe(true);
    expect(await reaches(() => assertClassInReach(db.manager, student, ids.classOwn))).toBe(false);
  });

  it('secretary, deputy, director and admin reach the whole school and nothing of another school', async () => {
    for (const role of [Role.Secretary, Role.Deputy, Role.Director, Role.Admin]) {
      const a = actor(teacher.userId, role);
      expect(await listed(a)).toEqual(['st1', 'st2', 'st3', 'st4', 'st5', 'st6', 'st7']);
      expect(await reaches(() => assertStudentInReach(db.manager, a, ids.otherSchoolStudent))).toBe(false);
    }
  });

  it('several roles reach the union of their relationships', async () => {
    const both = actor(teacher.userId, Role.Teacher, Role.Parent);
    // the teacher's account is no guardian: the union equals the teacher's reach; with the parent's account, both
    expect(await listed(both)).toEqual(['st1', 'st2', 'st3', 'st4']);
    const parentTeacher = actor(parent.userId, Role.Parent, Role.Teacher);
    expect(await listed(parentTeacher)).toEqual(['st1', 'st6']);
  });

  it('a class teacher manages only their own class; a class they teach in is 403, one out of reach 404; the admin manages all', async () => {
    await expect(assertClassManagedBy(db.manager, teacher, ids.classOwn)).resolves.toBeUndefined();
    await expect(assertClassManagedBy(db.manager, teacher, ids.classTaught)).rejects.toMatchObject({ status: 403 });
    await expect(assertClassManagedBy(db.manager, teacher, ids.classNone)).rejects.toMatchObject({ status: 404 });
    await expect(assertClassManagedBy(db.manager, actor(teacher.userId, Role.Admin), ids.classNone)).resolves.toBeUndefined();
    await expect(assertClassManagedBy(db.manager, actor(teacher.userId, Role.Deputy), ids.classNone)).rejects.toMatchObject({ status: 403 });
  });

  it('every condition of the layer is valid SQL for every role alone and for all together, with positional parameters', async () => {
    const conditions = Object.entries(reach).filter(
      (e): e is [string, (a: Actor, expr: string, bind: reach.Bind) => string] => typeof e[1] === 'function' && /^(?!assert).*(InReach|ManagedBy)$/.test(e[0]),
    );
    expect(conditions.length).toBeGreaterThanOrEqual(7);
    for (const roles of [...ALL_ROLES.map((r) => [r]), [...ALL_ROLES]]) {
      for (const [name, condition] of conditions) {
        const p = reach.positionalParams([ids.st1]);
        const sql = `SELECT ($1::uuid IS NOT NULL AND ${condition(actor(teacher.userId, ...roles), '$1::uuid', p.bind)}) AS ok`;
        await expect(db.query(sql, p.values).then(() => `${name} ${roles}`)).resolves.toBe(`${name} ${roles}`);
      }
    }
  });

  it('a role with no relationship reaches nothing, and the SQL stays valid', async () => {
    const operatorLike = actor(teacher.userId, Role.Operator);
    expect(await listed(operatorLike)).toEqual([]);
    const p = namedParams();
    const rows = await db
      .createQueryBuilder()
      .select('c.id', 'id')
      .from('school_class', 'c')
      .where(classInReach(operatorLike, 'c.id', p.bind), p.params)
      .getRawMany();
    expect(rows).toEqual([]);
  });
});
