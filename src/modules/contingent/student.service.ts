import { isUniqueViolation } from '../../database/pg-errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, hasRole } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { conflict, fieldProblem, notFound, ProblemError } from '../../common/errors/problem';
import { DEFAULT_PAGE_LIMIT, keysetClause, KeysetKey, likePattern, Page, pageOf } from '../../common/pagination/pagination';
import { AuditService } from '../audit/audit.service';
import { schoolToday } from '../school/school-today';
import { classDisplayName } from './class-rules';
import {
  ClassRoster,
  ClassRosterQuery,
  CreateStudentDto,
  StudentCard,
  StudentListItem,
  StudentListQuery,
  StudentVerification,
  UnverifiedQuery,
  UnverifiedStudent,
  UpdateStudentDto,
} from './dto/student.dto';
import { Gender } from './entities/student.entity';
import { recordArrival } from './movement-core';
import { isPlausibleStudentBirthDate, normalizeEmail, normalizeFileNumber, normalizePhone, personOrderKeys } from './person-rules';
import {
  assertStudentInReach,
  classInReach,
  classManagedBy,
  positionalParams,
  studentInReach,
} from './reach/reach';
import { normalizeNamePart, normalizeOptionalNamePart } from './staff-rules';
import { VERIFICATION_MAX_AGE_DAYS } from './student-rules';

const PERSON_KEYS = personOrderKeys('s');

/** SQL: the student `studentExpr` is enrolled in a class on the date `onExpr` (half-open interval). */
const enrolledOn = (alias: string, onExpr: string) =>
  `${alias}.starts_on <= ${onExpr} AND (${alias}.ends_on IS NULL OR ${alias}.ends_on > ${onExpr})`;

const notClassTeacher = () =>
  new ProblemError(403, 'not-class-teacher', 'Not the class teacher', "Only the class teacher of the student's class, the secretary or the administrator may do this");

/**
 * For an actor who is not admin or secretary: 403 `not-class-teacher` unless they are the class teacher of the
 * student's class on `on` (the caller has already checked the student is in reach, 404 otherwise).
 */
export async function assertClassTeacherOfStudent(m: EntityManager, actor: Actor, studentId: string, on: string): Promise<void> {
  const p = positionalParams([studentId, on]);
  const rows = (await m.query(
    `SELECT ${classManagedBy(actor, 'e.class_id', p.bind)} AS managed
       FROM enrollment e WHERE e.student_id = $1 AND ${enrolledOn('e', '$2::date')}`,
    p.values,
  )) as Array<{ managed: boolean }>;
  if (!rows.some((r) => r.managed)) throw notClassTeacher();
}

/** Maps a phone/e-mail input to its stored form; 422 naming the field when it is not one. */
export function contactValue(field: 'phone' | 'email', value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (value.trim() === '') return null;
  const v = field === 'phone' ? normalizePhone(value) : normalizeEmail(value);
  if (v === null) {
    throw fieldProblem(`${field}-invalid`, field, field === 'phone' ? 'is not a phone number' : 'is not an e-mail address', 'Invalid contact');
  }
  return v;
}

function fileNumberTaken(): never {
  throw conflict('file-number-taken', 'Another student of the school has this personal file number');
}

/** A movement-core field problem about the nested arrival names `arrival.<field>`. */
function underArrival(e: unknown): unknown {
  if (e instanceof ProblemError && e.errors) {
    return new ProblemError(
      e.status,
      e.code,
      e.title,
      e.detail,
      e.errors.map((x) => ({ ...x, field: `arrival.${x.field === 'toClassId' ? 'classId' : x.field}` })),
      e.extensions,
    );
  }
  return e;
}

interface CardRow {
  id: string;
  surname: string;
  name: string;
  patronymic: string | null;
  birth_date: string;
  gender: Gender;
  personal_file_number: string;
  phone: string | null;
  email: string | null;
  user_id: string | null;
  verified_at: Date | null;
  verified_by_user_id: string | null;
  verified_by_name: string | null;
  class_id: string | null;
  grade: number | null;
  letter: string | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * Students (обучающиеся): the list in reach, the card, create and edit, personal-data upkeep (§4.3.6) and the class
 * list on a date. Every query embeds the relationship layer (reach.ts): lists are filtered in SQL, a student out of
 * reach answers 404.
 */
@Injectable()
export class StudentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: StudentListQuery): Promise<Page<StudentListItem>> {
    const m = this.db.manager;
    const on = query.on ?? (await schoolToday(m, actor.schoolId));
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const p = positionalParams();
    const onP = `${p.bind(on)}::date`;
    const where = [`s.school_id = ${p.bind(actor.schoolId)}`, studentInReach(actor, 's.id', p.bind)];
    const status = query.status ?? 'current';
    if (status === 'current') where.push('e.class_id IS NOT NULL');
    if (status === 'departed') {
      where.push(`e.class_id IS NULL AND EXISTS (SELECT 1 FROM enrollment pe WHERE pe.student_id = s.id AND pe.ends_on <= ${onP})`);
    }
    if (query.classId) {
      // current: in the class on the date; departed or all: was ever in the class up to the date
      where.push(
        status === 'current'
          ? `e.class_id = ${p.bind(query.classId)}`
          : `EXISTS (SELECT 1 FROM enrollment ce WHERE ce.student_id = s.id AND ce.class_id = ${p.bind(query.classId)} AND ce.starts_on <= ${onP})`,
      );
    }
    if (query.q) {
      const q = `${p.bind(likePattern(query.q))} COLLATE "ru-RU-x-icu"`;
      where.push(
        `(lower(s.surname || ' ' || s.name || coalesce(' ' || s.patronymic, '')) LIKE lower(${q})
          OR lower(s.personal_file_number) LIKE lower(${q}))`,
      );
    }
    const keyset = keysetClause(PERSON_KEYS, query.cursor, p.bind);
    const rows = (await m.query(
      `SELECT s.id, s.surname, s.name, s.patronymic, s.personal_file_number, e.class_id, c.grade, c.letter
         FROM student s
         LEFT JOIN LATERAL (SELECT ce.class_id FROM enrollment ce WHERE ce.student_id = s.id AND ${enrolledOn('ce', onP)} LIMIT 1) e ON TRUE
         LEFT JOIN school_class c ON c.id = e.class_id
        WHERE ${where.join(' AND ')} AND ${keyset.where}
        ORDER BY ${keyset.orderBy}
        LIMIT ${p.bind(limit + 1)}`,
      p.values,
    )) as Array<Omit<CardRow, 'birth_date'>>;
    return pageOf(
      rows,
      limit,
      (r) => [r.surname, r.name, r.patronymic ?? '', r.id],
      (r) => ({
        id: r.id,
        surname: r.surname,
        name: r.name,
        patronymic: r.patronymic,
        personalFileNumber: r.personal_file_number,
        classId: r.class_id,
        className: r.grade !== null && r.letter !== null ? classDisplayName(r.grade, r.letter) : null,
      }),
    );
  }

  /** The card; reading it is a personal-data read recorded in the audit trail. */
  async get(actor: Actor, id: string): Promise<StudentCard> {
    const card = await this.db.transaction(async (m) => {
      await assertStudentInReach(m, actor, id);
      const c = await this.card(m, actor.schoolId, id);
      await this.audit.personalDataRead(
        {
          entity: 'student',
          entityId: c.id,
          subjectPersonId: c.id,
          fields: ['surname', 'name', 'patronymic', 'birthDate', 'gender', 'personalFileNumber', 'phone', 'email'],
        },
        m,
      );
      return c;
    });
    return card;
  }

  async create(actor: Actor, dto: CreateStudentDto): Promise<StudentCard> {
    try {
      return await this.db.transaction(async (m) => {
        const today = await schoolToday(m, actor.schoolId);
        if (!isPlausibleStudentBirthDate(dto.birthDate, today)) {
          throw fieldProblem('birth-date-implausible', 'birthDate', 'must make the student 5 to 22 years old', 'Implausible birth date');
        }
        const fileNumber = this.fileNumber(dto.personalFileNumber);
        await this.assertFileNumberFree(m, actor.schoolId, fileNumber, null);
        const rows = (await m.query(
          `INSERT INTO student (school_id, surname, name, patronymic, birth_date, gender, personal_file_number, phone, email)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [
            actor.schoolId,
            normalizeNamePart(dto.surname),
            normalizeNamePart(dto.name),
            normalizeOptionalNamePart(dto.patronymic) ?? null,
            dto.birthDate,
            dto.gender,
            fileNumber,
            contactValue('phone', dto.phone) ?? null,
            contactValue('email', dto.email) ?? null,
          ],
        )) as Array<{ id: string }>;
        const id = rows[0].id;
        if (dto.arrival) {
          const a = dto.arrival;
          await recordArrival(m, actor.schoolId, {
            studentId: id,
            classId: a.classId,
            date: a.date,
            orderNumber: a.orderNumber.trim(),
            reason: a.reason?.trim() || null,
            place: a.place?.trim() || null,
          }).catch((e: unknown) => {
            throw underArrival(e);
          });
        }
        return this.card(m, actor.schoolId, id);
      });
    } catch (e) {
      if (isUniqueViolation(e, 'uq_student_file_number')) fileNumberTaken();
      throw e;
    }
  }

  /**
   * Edits the card: admin and secretary any field; the class teacher of the student's current class (upkeep, §4.3.6)
   * everything but the personal file number. A teacher who reads the student but is not their class teacher: 403.
   */
  async update(actor: Actor, id: string, dto: UpdateStudentDto): Promise<StudentCard> {
    try {
      return await this.db.transaction(async (m) => {
        await assertStudentInReach(m, actor, id);
        const office = hasRole(actor, Role.Admin, Role.Secretary);
        const today = await schoolToday(m, actor.schoolId);
        if (!office) await assertClassTeacherOfStudent(m, actor, id, today);
        const sets: string[] = [];
        const values: unknown[] = [id, actor.schoolId];
        const set = (column: string, value: unknown) => {
          values.push(value);
          sets.push(`${column} = $${values.length}`);
        };
        if (dto.surname !== undefined) set('surname', normalizeNamePart(dto.surname));
        if (dto.name !== undefined) set('name', normalizeNamePart(dto.name));
        if (dto.patronymic !== undefined) set('patronymic', normalizeOptionalNamePart(dto.patronymic) ?? null);
        if (dto.birthDate !== undefined) {
          if (!isPlausibleStudentBirthDate(dto.birthDate, today)) {
            throw fieldProblem('birth-date-implausible', 'birthDate', 'must make the student 5 to 22 years old', 'Implausible birth date');
          }
          set('birth_date', dto.birthDate);
        }
        if (dto.gender !== undefined) set('gender', dto.gender);
        if (dto.phone !== undefined) set('phone', contactValue('phone', dto.phone) ?? null);
        if (dto.email !== undefined) set('email', contactValue('email', dto.email) ?? null);
        if (dto.personalFileNumber !== undefined) {
          const fileNumber = this.fileNumber(dto.personalFileNumber);
          const current = (await m.query('SELECT personal_file_number AS n FROM student WHERE id = $1', [id])) as Array<{ n: string }>;
          if (current[0]?.n !== fileNumber) {
            if (!office) {
              throw new ProblemError(403, 'file-number-office-only', 'Not allowed', 'Only the secretary or the administrator changes the personal file number');
            }
            await this.assertFileNumberFree(m, actor.schoolId, fileNumber, id);
            set('personal_file_number', fileNumber);
          }
        }
        if (sets.length > 0) {
          await m.query(`UPDATE student SET ${sets.join(', ')}, updated_at = now() WHERE id = $1 AND school_id = $2`, values);
        }
        return this.card(m, actor.schoolId, id);
      });
    } catch (e) {
      if (isUniqueViolation(e, 'uq_student_file_number')) fileNumberTaken();
      throw e;
    }
  }

  /** The class teacher (of the student's current class) or the administrator confirms the card (§4.3.6). */
  async verify(actor: Actor, id: string): Promise<StudentVerification> {
    return this.db.transaction(async (m) => {
      await assertStudentInReach(m, actor, id);
      if (!hasRole(actor, Role.Admin)) await assertClassTeacherOfStudent(m, actor, id, await schoolToday(m, actor.schoolId));
      await m.query('UPDATE student SET verified_at = now(), verified_by_user_id = $3, updated_at = now() WHERE id = $1 AND school_id = $2', [
        id,
        actor.schoolId,
        actor.userId,
      ]);
      const c = await this.card(m, actor.schoolId, id);
      return { studentId: c.id, verifiedAt: c.verifiedAt, verifiedByUserId: actor.userId, verifiedByName: c.verifiedByName };
    });
  }

  /**
   * Current students whose card was never confirmed or not within `days` (30, §4.3.6): the whole school for the
   * administration, a teacher's own class-teacher classes otherwise. By class, then name.
   */
  async unverified(actor: Actor, query: UnverifiedQuery): Promise<Page<UnverifiedStudent>> {
    const m = this.db.manager;
    const today = await schoolToday(m, actor.schoolId);
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const p = positionalParams();
    const onP = `${p.bind(today)}::date`;
    const where = [
      `e.school_id = ${p.bind(actor.schoolId)}`,
      enrolledOn('e', onP),
      `(s.verified_at IS NULL OR s.verified_at < now() - make_interval(days => ${p.bind(query.days ?? VERIFICATION_MAX_AGE_DAYS)}::int))`,
    ];
    if (!hasRole(actor, Role.Admin, Role.Deputy, Role.Director)) where.push(classManagedBy(actor, 'e.class_id', p.bind));
    const keys: KeysetKey[] = [{ sql: 'c.grade', cast: 'int' }, { sql: 'c.letter COLLATE "ru-RU-x-icu"', cast: 'text' }, ...PERSON_KEYS];
    const keyset = keysetClause(keys, query.cursor, p.bind);
    const rows = (await m.query(
      `SELECT s.id, s.surname, s.name, s.patronymic, s.verified_at, e.class_id, c.grade, c.letter
         FROM enrollment e JOIN student s ON s.id = e.student_id JOIN school_class c ON c.id = e.class_id
        WHERE ${where.join(' AND ')} AND ${keyset.where}
        ORDER BY ${keyset.orderBy}
        LIMIT ${p.bind(limit + 1)}`,
      p.values,
    )) as Array<{ id: string; surname: string; name: string; patronymic: string | null; verified_at: Date | null; class_id: string; grade: number; letter: string }>;
    return pageOf(
      rows,
      limit,
      (r) => [r.grade, r.letter, r.surname, r.name, r.patronymic ?? '', r.id],
      (r) => ({
        id: r.id,
        surname: r.surname,
        name: r.name,
        patronymic: r.patronymic,
        classId: r.class_id,
        className: classDisplayName(r.grade, r.letter),
        verifiedAt: r.verified_at,
      }),
    );
  }

  /**
   * Список класса на дату: the students enrolled in the class on the date (starts_on <= on < ends_on), in Russian
   * alphabetical order with their number in the list; no contacts. One SQL: the class row (404 out of reach), the
   * school's today when no date is given, and the enrolments through ix_enrollment_class.
   */
  async roster(actor: Actor, classId: string, query: ClassRosterQuery): Promise<ClassRoster> {
    const p = positionalParams([classId, query.on ?? null, actor.schoolId]);
    const rows = (await this.db.manager.query(
      `WITH d AS (SELECT coalesce($2::date, school_today(sc.time_zone)) AS on_date FROM school sc WHERE sc.id = $3)
       SELECT c.grade, c.letter, to_char(d.on_date, 'YYYY-MM-DD') AS on_date,
              s.id, s.surname, s.name, s.patronymic, s.gender, to_char(s.birth_date, 'YYYY-MM-DD') AS birth_date, s.personal_file_number
         FROM school_class c CROSS JOIN d
         LEFT JOIN enrollment e ON e.class_id = c.id AND ${enrolledOn('e', 'd.on_date')}
         LEFT JOIN student s ON s.id = e.student_id
        WHERE c.id = $1 AND c.school_id = $3 AND ${classInReach(actor, 'c.id', p.bind)}
        ORDER BY ${PERSON_KEYS.map((k) => k.sql).join(', ')}`,
      p.values,
    )) as Array<{
      grade: number;
      letter: string;
      on_date: string;
      id: string | null;
      surname: string;
      name: string;
      patronymic: string | null;
      gender: Gender;
      birth_date: string;
      personal_file_number: string;
    }>;
    if (rows.length === 0) throw notFound('Class');
    const students = rows.filter((r) => r.id !== null);
    return {
      classId,
      className: classDisplayName(rows[0].grade, rows[0].letter),
      on: rows[0].on_date,
      items: students.map((r, i) => ({
        number: i + 1,
        id: r.id as string,
        surname: r.surname,
        name: r.name,
        patronymic: r.patronymic,
        gender: r.gender,
        birthDate: r.birth_date,
        personalFileNumber: r.personal_file_number,
      })),
    };
  }

  /** The card as the API shows it, with the class on the school's today. */
  async card(m: EntityManager, schoolId: string, id: string): Promise<StudentCard> {
    const rows = (await m.query(
      `WITH d AS (SELECT school_today(sc.time_zone) AS today FROM school sc WHERE sc.id = $2)
       SELECT s.id, s.surname, s.name, s.patronymic, to_char(s.birth_date, 'YYYY-MM-DD') AS birth_date, s.gender,
              s.personal_file_number, s.phone, s.email, s.user_id, s.verified_at, s.verified_by_user_id,
              u.full_name AS verified_by_name, e.class_id, c.grade, c.letter, s.created_at, s.updated_at
         FROM student s CROSS JOIN d
         LEFT JOIN LATERAL (SELECT ce.class_id FROM enrollment ce WHERE ce.student_id = s.id AND ${enrolledOn('ce', 'd.today')} LIMIT 1) e ON TRUE
         LEFT JOIN school_class c ON c.id = e.class_id
         LEFT JOIN app_user u ON u.id = s.verified_by_user_id
        WHERE s.id = $1 AND s.school_id = $2`,
      [id, schoolId],
    )) as CardRow[];
    const r = rows[0];
    if (!r) throw notFound('Student');
    return {
      id: r.id,
      surname: r.surname,
      name: r.name,
      patronymic: r.patronymic,
      birthDate: r.birth_date,
      gender: r.gender,
      personalFileNumber: r.personal_file_number,
      phone: r.phone,
      email: r.email,
      classId: r.class_id,
      className: r.grade !== null && r.letter !== null ? classDisplayName(r.grade, r.letter) : null,
      verifiedAt: r.verified_at,
      verifiedByName: r.verified_by_name,
      hasAccount: r.user_id !== null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  private fileNumber(value: string): string {
    const v = normalizeFileNumber(value);
    if (v === null) throw fieldProblem('file-number-invalid', 'personalFileNumber', 'must be 1 to 32 characters', 'Invalid file number');
    return v;
  }

  private async assertFileNumberFree(m: EntityManager, schoolId: string, fileNumber: string, exceptId: string | null): Promise<void> {
    const rows = (await m.query('SELECT id FROM student WHERE school_id = $1 AND personal_file_number = $2', [schoolId, fileNumber])) as Array<{
      id: string;
    }>;
    if (rows.some((r) => r.id !== exceptId)) fileNumberTaken();
  }
}
