import { schoolToday } from '../school/school-today';
import { isUniqueViolation } from '../../database/pg-errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, hasRole } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { conflict, fieldProblem, notFound, ProblemError, validationProblem } from '../../common/errors/problem';
import { lockSchool } from '../school/school-lock';
import {
  AddSubgroupMembersDto,
  CreateSubgroupDto,
  MoveSubgroupMemberDto,
  SubgroupDetailResponse,
  SubgroupListQuery,
  SubgroupMemberResponse,
  SubgroupMoveResponse,
  SubgroupResponse,
  UpdateSubgroupDto,
} from './dto/subgroup.dto';
import { Subgroup, SubgroupMember } from './entities/subgroup.entity';
import { assertClassInReach, assertClassManagedBy, positionalParams, studentInReach } from './reach/reach';
import { membershipEnd, normalizeSubgroupName } from './subgroup-rules';

interface SubgroupRow {
  id: string;
  class_id: string;
  subject_id: string;
  subject_name: string;
  name: string;
  member_count: number;
  created_at: Date;
  updated_at: Date;
}

interface MemberRow {
  student_id: string;
  surname: string;
  name: string;
  patronymic: string | null;
  starts_on: string;
  ends_on: string | null;
}

function toResponse(r: SubgroupRow): SubgroupResponse {
  return {
    id: r.id,
    classId: r.class_id,
    subjectId: r.subject_id,
    subjectName: r.subject_name,
    name: r.name,
    memberCount: r.member_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toMember(r: MemberRow): SubgroupMemberResponse {
  return { studentId: r.student_id, surname: r.surname, name: r.name, patronymic: r.patronymic, startsOn: r.starts_on, endsOn: r.ends_on };
}

function subgroupExists(): never {
  throw conflict('subgroup-exists', 'This class already has a subgroup with this name for this subject');
}

function membershipNotFound(): ProblemError {
  return notFound('Subgroup membership');
}

/** Subgroup rows with their subject name and the number of members on `$2` (a date). `$1` is the school. */
const SUBGROUP_SELECT = `
  SELECT g.id, g.class_id, g.subject_id, sj.name AS subject_name, g.name, g.created_at, g.updated_at,
         (SELECT count(*)::int FROM subgroup_member sm
           WHERE sm.subgroup_id = g.id AND sm.starts_on <= $2::date AND (sm.ends_on IS NULL OR sm.ends_on > $2::date)) AS member_count
    FROM subgroup g JOIN subject sj ON sj.id = g.subject_id
   WHERE g.school_id = $1`;

/**
 * Subgroups (подгруппы) of a class per subject (R-CON-4, §4.4.2) and their dated membership [starts_on, ends_on).
 * Reads: staff within the class's reach (a teacher: their classes; otherwise 404). Creating, renaming and removing
 * subgroups: admin, deputy, or the class teacher of the class. Dividing the class (adding and ending memberships):
 * the class teacher or the admin. Moving a student between subgroups: the admin only. A student is in at most one
 * subgroup of a class and subject at a time. Memberships are only ever opened and closed; every write runs in a
 * transaction under the school lock, and the audit trigger records each row.
 */
@Injectable()
export class SubgroupService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: Actor, classId: string, query: SubgroupListQuery): Promise<SubgroupResponse[]> {
    const m = this.db.manager;
    await assertClassInReach(m, actor, classId);
    const today = await this.today(m, actor.schoolId);
    const values: unknown[] = [actor.schoolId, today, classId];
    let sql = `${SUBGROUP_SELECT} AND g.class_id = $3`;
    if (query.subjectId !== undefined) {
      values.push(query.subjectId);
      sql += ` AND g.subject_id = $${values.length}`;
    }
    sql += ' ORDER BY sj.name COLLATE "ru-RU-x-icu", g.name COLLATE "ru-RU-x-icu", g.id';
    return ((await m.query(sql, values)) as SubgroupRow[]).map(toResponse);
  }

  /** A subgroup with its members on `on` (default today); the members are filtered by the actor's reach too. */
  async get(actor: Actor, id: string, on: string | undefined): Promise<SubgroupDetailResponse> {
    return this.detail(this.db.manager, actor, await this.findReadable(this.db.manager, actor, id), on);
  }

  async create(actor: Actor, classId: string, dto: CreateSubgroupDto): Promise<SubgroupResponse> {
    try {
      return await this.db.transaction(async (m) => {
        await lockSchool(m, actor.schoolId);
        await this.assertMayShape(m, actor, classId);
        const subject: unknown[] = await m.query('SELECT 1 FROM subject WHERE id = $1 AND school_id = $2 AND archived_at IS NULL', [
          dto.subjectId,
          actor.schoolId,
        ]);
        if (subject.length === 0) {
          throw fieldProblem('subject-invalid', 'subjectId', 'must be an active subject of this school', 'Invalid subject');
        }
        const name = normalizeSubgroupName(dto.name);
        if (await m.existsBy(Subgroup, { classId, subjectId: dto.subjectId, name })) subgroupExists();
        const saved = await m.save(m.create(Subgroup, { schoolId: actor.schoolId, classId, subjectId: dto.subjectId, name }));
        return this.summary(m, actor.schoolId, saved.id);
      });
    } catch (e) {
      if (isUniqueViolation(e, 'uq_subgroup')) subgroupExists();
      throw e;
    }
  }

  async update(actor: Actor, id: string, dto: UpdateSubgroupDto): Promise<SubgroupResponse> {
    try {
      return await this.db.transaction(async (m) => {
        await lockSchool(m, actor.schoolId);
        const g = await this.find(m, actor.schoolId, id);
        await this.assertMayShape(m, actor, g.classId);
        if (dto.name !== undefined) {
          const name = normalizeSubgroupName(dto.name);
          if (name !== g.name) {
            const clash: unknown[] = await m.query(
              'SELECT 1 FROM subgroup WHERE class_id = $1 AND subject_id = $2 AND name = $3 AND id <> $4',
              [g.classId, g.subjectId, name, g.id],
            );
            if (clash.length > 0) subgroupExists();
            g.name = name;
            await m.save(g);
          }
        }
        return this.summary(m, actor.schoolId, g.id);
      });
    } catch (e) {
      if (isUniqueViolation(e, 'uq_subgroup')) subgroupExists();
      throw e;
    }
  }

  /** Removes a subgroup that has never had a member nor a teaching assignment (else 409 `subgroup-in-use`). */
  async delete(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      const g = await this.find(m, actor.schoolId, id);
      await this.assertMayShape(m, actor, g.classId);
      const used = (await m.query(
        `SELECT EXISTS (SELECT 1 FROM subgroup_member WHERE subgroup_id = $1)
             OR EXISTS (SELECT 1 FROM teaching_assignment WHERE subgroup_id = $1) AS used`,
        [g.id],
      )) as Array<{ used: boolean }>;
      if (used[0].used) {
        throw conflict('subgroup-in-use', 'The subgroup has members (now or in the past) or teaching assignments; it cannot be removed');
      }
      await m.delete(Subgroup, { id: g.id, schoolId: actor.schoolId });
    });
  }

  /**
   * Students join the subgroup from `date`, all or none: each must be enrolled in the subgroup's class on that day
   * (422 naming the student) and in no other membership of the class and subject that lasts past that day
   * (409 `already-in-subgroup`).
   */
  async addMembers(actor: Actor, id: string, dto: AddSubgroupMembersDto): Promise<SubgroupDetailResponse> {
    return this.db.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      const g = await this.find(m, actor.schoolId, id);
      await assertClassManagedBy(m, actor, g.classId);
      await this.assertEnrolled(m, actor.schoolId, g, dto.studentIds, dto.date, 'studentIds');
      const busy = await this.overlapping(m, g, dto.studentIds, dto.date);
      if (busy.length > 0) {
        throw conflict(
          'already-in-subgroup',
          `Already in a subgroup of this class for this subject on ${dto.date} or later: ${busy.map((b) => `${b.student_id} (${b.subgroup_name})`).join(', ')}`,
          { studentIds: busy.map((b) => b.student_id) },
        );
      }
      for (const studentId of dto.studentIds) {
        await m.insert(SubgroupMember, { schoolId: actor.schoolId, subgroupId: g.id, studentId, startsOn: dto.date, endsOn: null });
      }
      return this.detail(m, actor, g, dto.date);
    });
  }

  /**
   * The admin moves a student to another subgroup of the same class and subject (§4.4.2): in one transaction the
   * open membership here is closed on `date` and one in the target opens from `date`. Both rows stay, so who was in
   * which group on any day remains answerable; the audit trigger records both writes.
   */
  async move(actor: Actor, id: string, studentId: string, dto: MoveSubgroupMemberDto): Promise<SubgroupMoveResponse> {
    return this.db.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      const from = await this.find(m, actor.schoolId, id);
      await assertClassManagedBy(m, actor, from.classId);
      const open = await this.openMembership(m, from.id, studentId);
      const to = await m.findOneBy(Subgroup, { id: dto.toSubgroupId, schoolId: actor.schoolId });
      if (!to || to.id === from.id || to.classId !== from.classId || to.subjectId !== from.subjectId) {
        throw fieldProblem(
          'subgroup-invalid',
          'toSubgroupId',
          'must be another subgroup of the same class and subject',
          'Invalid target subgroup',
        );
      }
      await this.assertEnrolled(m, actor.schoolId, from, [studentId], dto.date, 'studentId');
      const closed = await this.end(m, open, dto.date);
      const busy = await this.overlapping(m, from, [studentId], dto.date);
      if (busy.length > 0) {
        throw conflict('already-in-subgroup', `Already in «${busy[0].subgroup_name}» of this class for this subject on ${dto.date} or later`, {
          studentIds: [studentId],
        });
      }
      await m.insert(SubgroupMember, { schoolId: actor.schoolId, subgroupId: to.id, studentId, startsOn: dto.date, endsOn: null });
      const [opened] = await this.members(m, actor, 'sm.subgroup_id = $2 AND sm.student_id = $3 AND sm.ends_on IS NULL', [
        to.id,
        studentId,
      ]);
      return { closed, opened, fromSubgroupId: from.id, toSubgroupId: to.id };
    });
  }

  /** Ends the student's open membership on `date` (the first day out); see `membershipEnd` for a same-day mistake. */
  async endMembership(actor: Actor, id: string, studentId: string, date: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      const g = await this.find(m, actor.schoolId, id);
      await assertClassManagedBy(m, actor, g.classId);
      await this.end(m, await this.openMembership(m, g.id, studentId), date);
    });
  }

  /** Closes (or, on its first day, deletes) an open membership; returns the closed row, or null when deleted. */
  private async end(m: EntityManager, open: SubgroupMember, date: string): Promise<SubgroupMemberResponse | null> {
    switch (membershipEnd(open.startsOn, date)) {
      case 'before-start':
        throw fieldProblem(
          'date-before-membership',
          'date',
          `must not be before the membership began (${open.startsOn}); history is never rewritten`,
          'Date before the membership',
        );
      case 'delete':
        // [d, d) is empty: the membership never lasted a day (a same-day mistake). Deleting it loses no history;
        // the audit trail keeps both the insert and the delete.
        await m.delete(SubgroupMember, { id: open.id });
        return null;
      case 'close': {
        await m.update(SubgroupMember, { id: open.id }, { endsOn: date });
        const row = (await m.query(
          `SELECT sm.student_id, s.surname, s.name, s.patronymic, sm.starts_on::text AS starts_on, sm.ends_on::text AS ends_on
             FROM subgroup_member sm JOIN student s ON s.id = sm.student_id WHERE sm.id = $1`,
          [open.id],
        )) as MemberRow[];
        return toMember(row[0]);
      }
    }
  }

  private async openMembership(m: EntityManager, subgroupId: string, studentId: string): Promise<SubgroupMember> {
    const open = await m
      .getRepository(SubgroupMember)
      .createQueryBuilder('sm')
      .where('sm.subgroup_id = :subgroupId AND sm.student_id = :studentId AND sm.ends_on IS NULL', { subgroupId, studentId })
      .getOne();
    if (!open) throw membershipNotFound();
    return open;
  }

  /** 422 naming each student not enrolled in the subgroup's class on `date` (another school's student included). */
  private async assertEnrolled(m: EntityManager, schoolId: string, g: Subgroup, studentIds: string[], date: string, field: string): Promise<void> {
    const rows = (await m.query(
      `SELECT DISTINCT e.student_id FROM enrollment e
        WHERE e.school_id = $1 AND e.class_id = $2 AND e.student_id = ANY($3::uuid[])
          AND e.starts_on <= $4::date AND (e.ends_on IS NULL OR e.ends_on > $4::date)`,
      [schoolId, g.classId, studentIds, date],
    )) as Array<{ student_id: string }>;
    const enrolled = new Set(rows.map((r) => r.student_id));
    const missing = studentIds.map((sid, i) => ({ sid, i })).filter(({ sid }) => !enrolled.has(sid));
    if (missing.length > 0) {
      throw validationProblem(
        missing.map(({ sid, i }) => ({
          field: field === 'studentIds' ? `studentIds[${i}]` : field,
          message: `student ${sid} is not enrolled in the subgroup's class on ${date}`,
        })),
        'student-not-in-class',
        'Student not in the class',
      );
    }
  }

  /** Memberships in any subgroup of the same class and subject that last past `date` (open, or ending after it). */
  private async overlapping(
    m: EntityManager,
    g: Subgroup,
    studentIds: string[],
    date: string,
  ): Promise<Array<{ student_id: string; subgroup_name: string }>> {
    return (await m.query(
      `SELECT DISTINCT sm.student_id, og.name AS subgroup_name
         FROM subgroup_member sm JOIN subgroup og ON og.id = sm.subgroup_id
        WHERE og.class_id = $1 AND og.subject_id = $2 AND sm.student_id = ANY($3::uuid[])
          AND (sm.ends_on IS NULL OR sm.ends_on > $4::date)
        ORDER BY sm.student_id`,
      [g.classId, g.subjectId, studentIds, date],
    )) as Array<{ student_id: string; subgroup_name: string }>;
  }

  private async detail(m: EntityManager, actor: Actor, g: Subgroup, on: string | undefined): Promise<SubgroupDetailResponse> {
    const day = on ?? (await this.today(m, actor.schoolId));
    const rows = (await m.query(`${SUBGROUP_SELECT} AND g.id = $3`, [actor.schoolId, day, g.id])) as SubgroupRow[];
    const members = await this.members(
      m,
      actor,
      'sm.subgroup_id = $2 AND sm.starts_on <= $3::date AND (sm.ends_on IS NULL OR sm.ends_on > $3::date)',
      [g.id, day],
    );
    return { ...toResponse(rows[0]), on: day, members };
  }

  /** Members matching `where` (`$1` is the school; the caller's values follow), within the actor's reach, by ФИО. */
  private async members(m: EntityManager, actor: Actor, where: string, values: unknown[]): Promise<SubgroupMemberResponse[]> {
    const p = positionalParams([actor.schoolId, ...values]);
    const rows = (await m.query(
      `SELECT sm.student_id, s.surname, s.name, s.patronymic, sm.starts_on::text AS starts_on, sm.ends_on::text AS ends_on
         FROM subgroup_member sm JOIN student s ON s.id = sm.student_id
        WHERE sm.school_id = $1 AND ${where} AND ${studentInReach(actor, 'sm.student_id', p.bind)}
        ORDER BY s.surname COLLATE "ru-RU-x-icu", s.name COLLATE "ru-RU-x-icu", coalesce(s.patronymic, '') COLLATE "ru-RU-x-icu", s.id`,
      p.values,
    )) as MemberRow[];
    return rows.map(toMember);
  }

  private async summary(m: EntityManager, schoolId: string, id: string): Promise<SubgroupResponse> {
    const rows = (await m.query(`${SUBGROUP_SELECT} AND g.id = $3`, [schoolId, await this.today(m, schoolId), id])) as SubgroupRow[];
    return toResponse(rows[0]);
  }

  /** Today in the school's time zone. */
  private today(m: EntityManager, schoolId: string): Promise<string> {
    return schoolToday(m, schoolId);
  }

  private async find(m: EntityManager, schoolId: string, id: string): Promise<Subgroup> {
    const g = await m.findOneBy(Subgroup, { id, schoolId });
    if (!g) throw notFound('Subgroup');
    return g;
  }

  /** The subgroup, if its class is within the actor's reach (else 404 as if it did not exist). */
  private async findReadable(m: EntityManager, actor: Actor, id: string): Promise<Subgroup> {
    const g = await this.find(m, actor.schoolId, id);
    try {
      await assertClassInReach(m, actor, g.classId);
    } catch {
      throw notFound('Subgroup');
    }
    return g;
  }

  /** Creating, renaming, removing subgroups: admin and deputy for every class; a teacher as the class teacher. */
  private async assertMayShape(m: EntityManager, actor: Actor, classId: string): Promise<void> {
    if (hasRole(actor, Role.Admin, Role.Deputy)) await assertClassInReach(m, actor, classId);
    else await assertClassManagedBy(m, actor, classId);
  }
}
