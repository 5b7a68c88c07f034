import { systemWrite, TestApp } from './test-app';

/**
 * Fixtures of the contingent suites, made by direct SQL (as system work 'test') so that they do not depend on what
 * the generated seed holds: a suite's own classes, students and links, and the relationship of a seeded login to
 * them (clearing whatever the seed linked that login to, so a parent's or a student's reach is exactly the suite's).
 */
export class ContingentFixtures {
  private counter = 0;

  constructor(
    private readonly t: TestApp,
    readonly schoolId: string,
  ) {}

  private async one<T = { id: string }>(sql: string, params: unknown[]): Promise<T> {
    return ((await systemWrite(this.t, sql, params)) as T[])[0];
  }

  async yearId(): Promise<string> {
    const rows = (await this.t.db.query(`SELECT id FROM academic_year WHERE school_id = $1 AND starts_on = '2026-09-01'`, [this.schoolId])) as Array<{
      id: string;
    }>;
    return rows[0].id;
  }

  async userId(login: string): Promise<string> {
    return ((await this.t.db.query('SELECT id FROM app_user WHERE login = $1', [login])) as Array<{ id: string }>)[0].id;
  }

  /** A new class of the 2026/2027 year with a letter the seed does not use (e.g. «5Я1»), optionally with a class teacher. */
  async makeClass(grade: number, classTeacherStaffId: string | null = null): Promise<{ id: string; name: string }> {
    const letter = `Я${++this.counter}`;
    const c = await this.one(
      `INSERT INTO school_class (school_id, academic_year_id, grade, letter, class_teacher_staff_id, shift) VALUES ($1, $2, $3, $4, $5, 1) RETURNING id`,
      [this.schoolId, await this.yearId(), grade, letter, classTeacherStaffId],
    );
    return { id: c.id, name: `${grade}${letter}` };
  }

  /** A student card (no class). */
  async makeStudent(surname: string, name: string, patronymic: string | null = null): Promise<string> {
    return (
      await this.one(
        `INSERT INTO student (school_id, surname, name, patronymic, birth_date, gender, personal_file_number)
         VALUES ($1, $2, $3, $4, '2015-05-05', 'f', $5) RETURNING id`,
        [this.schoolId, surname, name, patronymic, `FX-${Date.now().toString(36)}-${++this.counter}`],
      )
    ).id;
  }

  /** An open enrolment from `startsOn` (no movement row: a fixture, not an order). */
  async enroll(studentId: string, classId: string, startsOn = '2026-09-01'): Promise<void> {
    await systemWrite(this.t, `INSERT INTO enrollment (school_id, student_id, class_id, starts_on) VALUES ($1, $2, $3, $4)`, [
      this.schoolId,
      studentId,
      classId,
      startsOn,
    ]);
  }

  async makeGuardian(surname: string, name: string, phone: string | null = '+79120000000'): Promise<string> {
    return (await this.one(`INSERT INTO guardian (school_id, surname, name, phone) VALUES ($1, $2, $3, $4) RETURNING id`, [this.schoolId, surname, name, phone]))
      .id;
  }

  async linkGuardian(studentId: string, guardianId: string, relation = 'mother'): Promise<void> {
    await systemWrite(this.t, `INSERT INTO student_guardian (school_id, student_id, guardian_id, relation) VALUES ($1, $2, $3, $4)`, [
      this.schoolId,
      studentId,
      guardianId,
      relation,
    ]);
  }

  /** The login's account becomes exactly this guardian's (any other guardian record loses it). */
  async bindParentLogin(login: string, guardianId: string): Promise<void> {
    const user = await this.userId(login);
    await systemWrite(this.t, 'UPDATE guardian SET user_id = NULL WHERE user_id = $1', [user]);
    await systemWrite(this.t, 'UPDATE guardian SET user_id = $1 WHERE id = $2', [user, guardianId]);
  }

  /** The login's account becomes exactly this student's. */
  async bindStudentLogin(login: string, studentId: string): Promise<void> {
    const user = await this.userId(login);
    await systemWrite(this.t, 'UPDATE student SET user_id = NULL WHERE user_id = $1', [user]);
    await systemWrite(this.t, 'UPDATE student SET user_id = $1 WHERE id = $2', [user, studentId]);
  }

  /** The staff record of a login (made and linked when the seed has none). */
  async staffOf(login: string): Promise<string> {
    const user = await this.userId(login);
    const rows = (await this.t.db.query('SELECT id FROM staff WHERE user_id = $1', [user])) as Array<{ id: string }>;
    if (rows[0]) return rows[0].id;
    return (
      await this.one(`INSERT INTO staff (school_id, surname, name, positions, user_id) VALUES ($1, 'Учитель', 'Тестовый', '{}', $2) RETURNING id`, [
        this.schoolId,
        user,
      ])
    ).id;
  }

  /** A whole-class teaching assignment of the staff member in the class (first subject of the school). */
  async assign(staffId: string, classId: string): Promise<void> {
    await systemWrite(
      this.t,
      `INSERT INTO teaching_assignment (school_id, academic_year_id, staff_id, subject_id, class_id, hours_per_week)
       SELECT $1, c.academic_year_id, $2, (SELECT id FROM subject WHERE school_id = $1 ORDER BY code LIMIT 1), c.id, 2
         FROM school_class c WHERE c.id = $3`,
      [this.schoolId, staffId, classId],
    );
  }
}
