import { ScheduleSources } from '../../common/schedule-sources/schedule-sources';
import { isUniqueViolation } from '../../database/pg-errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { conflict, fieldProblem, notFound } from '../../common/errors/problem';
import { KeysetKey, Page, paginate } from '../../common/pagination/pagination';
import { lockSchool } from '../school/school-lock';
import { classDisplayName } from './class-rules';
import {
  CreateTeachingAssignmentDto,
  TeachingAssignmentListQuery,
  TeachingAssignmentResponse,
  UpdateTeachingAssignmentDto,
} from './dto/teaching-assignment.dto';
import { TeachingAssignment } from './entities/teaching-assignment.entity';
import { personFullName } from './person-rules';

function toResponse(a: TeachingAssignment): TeachingAssignmentResponse {
  return {
    id: a.id,
    academicYearId: a.academicYearId,
    staffId: a.staffId,
    teacherName: personFullName(a.staff!),
    subjectId: a.subjectId,
    subjectName: a.subject!.name,
    classId: a.classId,
    className: classDisplayName(a.schoolClass!.grade, a.schoolClass!.letter),
    subgroupId: a.subgroupId,
    subgroupName: a.subgroup?.name ?? null,
    hoursPerWeek: a.hoursPerWeek,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

function assignmentExists(): never {
  throw conflict('assignment-exists', 'This teacher already has this subject in this class (or subgroup) this year');
}

type Fields = Required<Omit<CreateTeachingAssignmentDto, 'subgroupId'>> & { subgroupId: string | null };

/**
 * Teaching assignments (учебная нагрузка, R-CON-5): teacher × subject × class or subgroup × year, hours a week.
 * Several teachers per class and subject, one per subgroup, are normal. Staff read them; admin and deputy write.
 * Scoped to the actor's school: another school's year or assignment answers 404, another school's staff, subject,
 * class or subgroup in a body 422.
 */
/**
 * Assignments in the order a school reads them: by class (1А, 1Б … 11Б), then subject, then subgroup (whole class
 * first), then id. For a query builder with aliases a (assignment), c (class), sj (subject), g (subgroup).
 */
export const ASSIGNMENT_ORDER: KeysetKey[] = [
  { sql: 'c.grade', cast: 'int' },
  { sql: 'c.letter COLLATE "ru-RU-x-icu"', cast: 'text' },
  { sql: 'sj.name COLLATE "ru-RU-x-icu"', cast: 'text' },
  { sql: `coalesce(g.name, '') COLLATE "ru-RU-x-icu"`, cast: 'text' },
  { sql: 'a.id', cast: 'uuid' },
];

/** The cursor values of ASSIGNMENT_ORDER for an assignment loaded with its class, subject and subgroup. */
export const assignmentOrderValues = (a: TeachingAssignment) => [a.schoolClass!.grade, a.schoolClass!.letter, a.subject!.name, a.subgroup?.name ?? '', a.id];

@Injectable()
export class TeachingAssignmentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: ScheduleSources,
  ) {}

  async list(actor: Actor, yearId: string, query: TeachingAssignmentListQuery): Promise<Page<TeachingAssignmentResponse>> {
    await this.assertYear(this.db.manager, actor.schoolId, yearId);
    const qb = this.query(this.db.manager).where('a.school_id = :school AND a.academic_year_id = :year', {
      school: actor.schoolId,
      year: yearId,
    });
    if (query.staffId !== undefined) qb.andWhere('a.staff_id = :staffId', { staffId: query.staffId });
    if (query.classId !== undefined) qb.andWhere('a.class_id = :classId', { classId: query.classId });
    if (query.subjectId !== undefined) qb.andWhere('a.subject_id = :subjectId', { subjectId: query.subjectId });
    // by class (1А, 1Б … 11Б), then subject, then subgroup (whole class first), then id
    return paginate(qb, ASSIGNMENT_ORDER, query, assignmentOrderValues, toResponse);
  }

  async get(actor: Actor, id: string): Promise<TeachingAssignmentResponse> {
    return toResponse(await this.find(this.db.manager, actor.schoolId, id));
  }

  async create(actor: Actor, yearId: string, dto: CreateTeachingAssignmentDto): Promise<TeachingAssignmentResponse> {
    try {
      return await this.db.transaction(async (m) => {
        await lockSchool(m, actor.schoolId);
        await this.assertYear(m, actor.schoolId, yearId);
        const fields: Fields = {
          staffId: dto.staffId,
          subjectId: dto.subjectId,
          classId: dto.classId,
          subgroupId: dto.subgroupId ?? null,
          hoursPerWeek: dto.hoursPerWeek,
        };
        await this.assertValid(m, actor.schoolId, yearId, fields, null);
        const saved = await m.save(m.create(TeachingAssignment, { schoolId: actor.schoolId, academicYearId: yearId, ...fields }));
        return toResponse(await this.find(m, actor.schoolId, saved.id));
      });
    } catch (e) {
      if (isUniqueViolation(e, 'uq_teaching_assignment')) assignmentExists();
      throw e;
    }
  }

  async update(actor: Actor, id: string, dto: UpdateTeachingAssignmentDto): Promise<TeachingAssignmentResponse> {
    try {
      return await this.db.transaction(async (m) => {
        await lockSchool(m, actor.schoolId);
        const a = await this.find(m, actor.schoolId, id);
        const fields: Fields = {
          staffId: dto.staffId ?? a.staffId,
          subjectId: dto.subjectId ?? a.subjectId,
          classId: dto.classId ?? a.classId,
          subgroupId: dto.subgroupId === undefined ? a.subgroupId : dto.subgroupId,
          hoursPerWeek: dto.hoursPerWeek ?? a.hoursPerWeek,
        };
        // a subgroup belongs to one class and subject: changing either without naming a new subgroup leaves the old
        // one behind, which the check below refuses (`subgroup-invalid`)
        await this.assertValid(m, actor.schoolId, a.academicYearId, fields, a);
        await m.update(TeachingAssignment, { id: a.id, schoolId: actor.schoolId }, fields);
        // the timetable is checked again (the new teacher may be busy then: 409 timetable-conflict) and the dated lessons
        // of the year follow the teacher, class or subgroup (lessons with journal data stay)
        const [year] = (await m.query('SELECT starts_on AS "startsOn", ends_on AS "endsOn" FROM academic_year WHERE id = $1', [a.academicYearId])) as Array<{
          startsOn: string;
          endsOn: string;
        }>;
        await this.sources.changed(m, {
          schoolId: actor.schoolId,
          from: year.startsOn,
          to: year.endsOn,
          classIds: [...new Set([a.classId, fields.classId])],
          assignmentIds: [a.id],
        });
        return toResponse(await this.find(m, actor.schoolId, a.id));
      });
    } catch (e) {
      if (isUniqueViolation(e, 'uq_teaching_assignment')) assignmentExists();
      throw e;
    }
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      const a = await this.find(m, actor.schoolId, id);
      await m.delete(TeachingAssignment, { id: a.id, schoolId: actor.schoolId });
    });
  }

  private query(m: EntityManager) {
    return m
      .getRepository(TeachingAssignment)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.staff', 'st')
      .innerJoinAndSelect('a.subject', 'sj')
      .innerJoinAndSelect('a.schoolClass', 'c')
      .leftJoinAndSelect('a.subgroup', 'g');
  }

  private async find(m: EntityManager, schoolId: string, id: string): Promise<TeachingAssignment> {
    const a = await this.query(m).where('a.id = :id AND a.school_id = :schoolId', { id, schoolId }).getOne();
    if (!a) throw notFound('Teaching assignment');
    return a;
  }

  private async assertYear(m: EntityManager, schoolId: string, yearId: string): Promise<void> {
    const rows: unknown[] = await m.query('SELECT 1 FROM academic_year WHERE id = $1 AND school_id = $2', [yearId, schoolId]);
    if (rows.length === 0) throw notFound('Academic year');
  }

  /** Each referenced record belongs to this school (and year); then the combination is unique. */
  private async assertValid(m: EntityManager, schoolId: string, yearId: string, f: Fields, self: TeachingAssignment | null): Promise<void> {
    const changed = (key: keyof Fields) => self === null || self[key] !== f[key];
    if (changed('staffId')) {
      const staff: unknown[] = await m.query('SELECT 1 FROM staff WHERE id = $1 AND school_id = $2 AND archived_at IS NULL', [f.staffId, schoolId]);
      if (staff.length === 0) throw fieldProblem('staff-invalid', 'staffId', 'must be an active staff record of this school', 'Invalid teacher');
    }
    if (changed('subjectId')) {
      const subject: unknown[] = await m.query('SELECT 1 FROM subject WHERE id = $1 AND school_id = $2 AND archived_at IS NULL', [
        f.subjectId,
        schoolId,
      ]);
      if (subject.length === 0) throw fieldProblem('subject-invalid', 'subjectId', 'must be an active subject of this school', 'Invalid subject');
    }
    if (changed('classId')) {
      const cls: unknown[] = await m.query('SELECT 1 FROM school_class WHERE id = $1 AND school_id = $2 AND academic_year_id = $3', [
        f.classId,
        schoolId,
        yearId,
      ]);
      if (cls.length === 0) throw fieldProblem('class-invalid', 'classId', 'must be a class of this academic year', 'Invalid class');
    }
    if (f.subgroupId !== null) {
      const g: unknown[] = await m.query('SELECT 1 FROM subgroup WHERE id = $1 AND school_id = $2 AND class_id = $3 AND subject_id = $4', [
        f.subgroupId,
        schoolId,
        f.classId,
        f.subjectId,
      ]);
      if (g.length === 0) {
        throw fieldProblem('subgroup-invalid', 'subgroupId', 'must be a subgroup of this class for this subject', 'Invalid subgroup');
      }
    }
    const clash: unknown[] = await m.query(
      `SELECT 1 FROM teaching_assignment
        WHERE academic_year_id = $1 AND staff_id = $2 AND subject_id = $3 AND class_id = $4
          AND subgroup_id IS NOT DISTINCT FROM $5::uuid AND id IS DISTINCT FROM $6::uuid`,
      [yearId, f.staffId, f.subjectId, f.classId, f.subgroupId, self?.id ?? null],
    );
    if (clash.length > 0) assignmentExists();
  }
}
