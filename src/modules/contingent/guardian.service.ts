import { personOrderKeys } from './person-rules';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, hasRole } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { notFound, ProblemError } from '../../common/errors/problem';
import { DEFAULT_PAGE_LIMIT, keysetClause, likePattern, Page, pageOf } from '../../common/pagination/pagination';
import { AuditService } from '../audit/audit.service';
import { schoolToday } from '../school/school-today';
import {
  CreateGuardianDto,
  GuardianCard,
  GuardianListItem,
  GuardianListQuery,
  LinkGuardianDto,
  StudentGuardianLink,
  StudentGuardianList,
  UpdateGuardianDto,
} from './dto/guardian.dto';
import { GuardianRelation } from './entities/guardian.entity';
import {
  assertGuardianCardInReach,
  assertStudentInReach,
  classManagedBy,
  guardianInReach,
  positionalParams,
  studentInReach,
} from './reach/reach';
import { normalizeNamePart, normalizeOptionalNamePart } from './staff-rules';
import { assertClassTeacherOfStudent, contactValue } from './student.service';

const GUARDIAN_KEYS = personOrderKeys('g');

const CONTACT_FIELDS = ['surname', 'name', 'patronymic', 'phone', 'email'];

interface GuardianRow {
  id: string;
  surname: string;
  name: string;
  patronymic: string | null;
  phone: string | null;
  email: string | null;
  user_id: string | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * Guardians (родители, законные представители) and their links to students. Reading a guardian's contacts is a
 * personal-data read. A parent reaches only their own guardian record; staff through the students they reach.
 */
@Injectable()
export class GuardianService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: GuardianListQuery): Promise<Page<GuardianListItem>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const p = positionalParams();
    const where = [`g.school_id = ${p.bind(actor.schoolId)}`, guardianInReach(actor, 'g.id', p.bind)];
    if (query.q) {
      where.push(
        `lower(g.surname || ' ' || g.name || coalesce(' ' || g.patronymic, '')) LIKE lower(${p.bind(likePattern(query.q))} COLLATE "ru-RU-x-icu")`,
      );
    }
    const keyset = keysetClause(GUARDIAN_KEYS, query.cursor, p.bind);
    const rows = (await this.db.manager.query(
      `SELECT g.id, g.surname, g.name, g.patronymic, g.user_id,
              (SELECT count(*)::int FROM student_guardian sg WHERE sg.guardian_id = g.id) AS children
         FROM guardian g
        WHERE ${where.join(' AND ')} AND ${keyset.where}
        ORDER BY ${keyset.orderBy}
        LIMIT ${p.bind(limit + 1)}`,
      p.values,
    )) as Array<GuardianRow & { children: number }>;
    return pageOf(
      rows,
      limit,
      (r) => [r.surname, r.name, r.patronymic ?? '', r.id],
      (r) => ({ id: r.id, surname: r.surname, name: r.name, patronymic: r.patronymic, childrenCount: r.children, hasAccount: r.user_id !== null }),
    );
  }

  /** The card with contacts and the children in the reader's reach; a personal-data read. */
  get(actor: Actor, id: string): Promise<GuardianCard> {
    return this.db.transaction(async (m) => {
      await assertGuardianCardInReach(m, actor, id);
      const card = await this.card(m, actor, id);
      await this.audit.personalDataRead({ entity: 'guardian', entityId: id, subjectPersonId: id, fields: CONTACT_FIELDS }, m);
      return card;
    });
  }

  create(actor: Actor, dto: CreateGuardianDto): Promise<GuardianCard> {
    return this.db.transaction(async (m) => {
      const rows = (await m.query(
        `INSERT INTO guardian (school_id, surname, name, patronymic, phone, email) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          actor.schoolId,
          normalizeNamePart(dto.surname),
          normalizeNamePart(dto.name),
          normalizeOptionalNamePart(dto.patronymic) ?? null,
          contactValue('phone', dto.phone) ?? null,
          contactValue('email', dto.email) ?? null,
        ],
      )) as Array<{ id: string }>;
      return this.card(m, actor, rows[0].id);
    });
  }

  /** Admin and secretary; a teacher who is the class teacher of one of the guardian's children (403 otherwise). */
  update(actor: Actor, id: string, dto: UpdateGuardianDto): Promise<GuardianCard> {
    return this.db.transaction(async (m) => {
      await assertGuardianCardInReach(m, actor, id);
      if (!hasRole(actor, Role.Admin, Role.Secretary)) {
        const p = positionalParams([id, await schoolToday(m, actor.schoolId)]);
        const rows = (await m.query(
          `SELECT EXISTS (SELECT 1 FROM student_guardian sg
                            JOIN enrollment e ON e.student_id = sg.student_id
                             AND e.starts_on <= $2::date AND (e.ends_on IS NULL OR e.ends_on > $2::date)
                           WHERE sg.guardian_id = $1 AND ${classManagedBy(actor, 'e.class_id', p.bind)}) AS ok`,
          p.values,
        )) as Array<{ ok: boolean }>;
        if (!rows[0]?.ok) {
          throw new ProblemError(403, 'not-class-teacher', 'Not the class teacher', "Only the class teacher of one of the guardian's children, the secretary or the administrator may do this");
        }
      }
      const sets: string[] = [];
      const values: unknown[] = [id, actor.schoolId];
      const set = (column: string, value: unknown) => {
        values.push(value);
        sets.push(`${column} = $${values.length}`);
      };
      if (dto.surname !== undefined) set('surname', normalizeNamePart(dto.surname));
      if (dto.name !== undefined) set('name', normalizeNamePart(dto.name));
      if (dto.patronymic !== undefined) set('patronymic', normalizeOptionalNamePart(dto.patronymic) ?? null);
      if (dto.phone !== undefined) set('phone', contactValue('phone', dto.phone) ?? null);
      if (dto.email !== undefined) set('email', contactValue('email', dto.email) ?? null);
      if (sets.length > 0) await m.query(`UPDATE guardian SET ${sets.join(', ')}, updated_at = now() WHERE id = $1 AND school_id = $2`, values);
      return this.card(m, actor, id);
    });
  }

  /** A student's guardians with relation and contacts (reach as the student's card); one personal-data read each. */
  forStudent(actor: Actor, studentId: string): Promise<StudentGuardianList> {
    return this.db.transaction(async (m) => {
      await assertStudentInReach(m, actor, studentId);
      const rows = (await m.query(
        `SELECT g.id, g.surname, g.name, g.patronymic, g.phone, g.email, g.user_id, sg.relation
           FROM student_guardian sg JOIN guardian g ON g.id = sg.guardian_id
          WHERE sg.student_id = $1 AND sg.school_id = $2
          ORDER BY g.surname COLLATE "ru-RU-x-icu", g.name COLLATE "ru-RU-x-icu", coalesce(g.patronymic, '') COLLATE "ru-RU-x-icu", g.id`,
        [studentId, actor.schoolId],
      )) as Array<GuardianRow & { relation: GuardianRelation }>;
      for (const r of rows) {
        await this.audit.personalDataRead({ entity: 'guardian', entityId: r.id, subjectPersonId: r.id, fields: CONTACT_FIELDS }, m);
      }
      return {
        studentId,
        items: rows.map((r) => ({
          guardianId: r.id,
          relation: r.relation,
          surname: r.surname,
          name: r.name,
          patronymic: r.patronymic,
          phone: r.phone,
          email: r.email,
          hasAccount: r.user_id !== null,
        })),
      };
    });
  }

  /** Links a guardian to a student, or changes the relation: admin, secretary, the student's class teacher. */
  link(actor: Actor, studentId: string, guardianId: string, dto: LinkGuardianDto): Promise<StudentGuardianLink> {
    return this.db.transaction(async (m) => {
      await assertStudentInReach(m, actor, studentId);
      if (!hasRole(actor, Role.Admin, Role.Secretary)) await assertClassTeacherOfStudent(m, actor, studentId, await schoolToday(m, actor.schoolId));
      const g: unknown[] = await m.query('SELECT 1 FROM guardian WHERE id = $1 AND school_id = $2', [guardianId, actor.schoolId]);
      if (g.length === 0) throw notFound('Guardian');
      await m.query(
        `INSERT INTO student_guardian (school_id, student_id, guardian_id, relation) VALUES ($1, $2, $3, $4)
         ON CONFLICT (student_id, guardian_id) DO UPDATE SET relation = EXCLUDED.relation, updated_at = now()
          WHERE student_guardian.relation <> EXCLUDED.relation`,
        [actor.schoolId, studentId, guardianId, dto.relation],
      );
      return { studentId, guardianId, relation: dto.relation };
    });
  }

  /** Removes a link (admin, secretary); 404 when there is none. */
  unlink(actor: Actor, studentId: string, guardianId: string): Promise<void> {
    return this.db.transaction(async (m) => {
      await assertStudentInReach(m, actor, studentId);
      // (in a CTE: TypeORM answers a bare DELETE … RETURNING with [rows, count])
      const rows = (await m.query(
        'WITH d AS (DELETE FROM student_guardian WHERE student_id = $1 AND guardian_id = $2 AND school_id = $3 RETURNING id) SELECT id FROM d',
        [studentId, guardianId, actor.schoolId],
      )) as unknown[];
      if (rows.length === 0) throw notFound('Guardian link');
    });
  }

  private async card(m: EntityManager, actor: Actor, id: string): Promise<GuardianCard> {
    const rows = (await m.query(
      'SELECT id, surname, name, patronymic, phone, email, user_id, created_at, updated_at FROM guardian WHERE id = $1 AND school_id = $2',
      [id, actor.schoolId],
    )) as GuardianRow[];
    const g = rows[0];
    if (!g) throw notFound('Guardian');
    const p = positionalParams([id]);
    const children = (await m.query(
      `SELECT s.id, s.surname, s.name, s.patronymic, sg.relation
         FROM student_guardian sg JOIN student s ON s.id = sg.student_id
        WHERE sg.guardian_id = $1 AND ${studentInReach(actor, 's.id', p.bind)}
        ORDER BY s.surname COLLATE "ru-RU-x-icu", s.name COLLATE "ru-RU-x-icu", coalesce(s.patronymic, '') COLLATE "ru-RU-x-icu", s.id`,
      p.values,
    )) as Array<{ id: string; surname: string; name: string; patronymic: string | null; relation: GuardianRelation }>;
    return {
      id: g.id,
      surname: g.surname,
      name: g.name,
      patronymic: g.patronymic,
      phone: g.phone,
      email: g.email,
      hasAccount: g.user_id !== null,
      children: children.map((c) => ({ studentId: c.id, surname: c.surname, name: c.name, patronymic: c.patronymic, relation: c.relation })),
      createdAt: g.created_at,
      updatedAt: g.updated_at,
    };
  }
}
