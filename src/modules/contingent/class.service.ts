import { isUniqueViolation } from '../../database/pg-errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { conflict, fieldProblem, notFound } from '../../common/errors/problem';
import { Page, paginate } from '../../common/pagination/pagination';
import { lockSchool } from '../school/school-lock';
import { SchoolClass } from './class.entity';
import { classDisplayName } from './class-rules';
import { classInReach, namedParams } from './reach/reach';
import { ClassListQuery, ClassResponse, CreateClassDto, UpdateClassDto } from './dto/class.dto';

function toResponse(c: SchoolClass): ClassResponse {
  return {
    id: c.id,
    academicYearId: c.academicYearId,
    grade: c.grade,
    letter: c.letter,
    name: classDisplayName(c.grade, c.letter),
    classTeacherStaffId: c.classTeacherStaffId,
    shift: c.shift,
    capacity: c.capacity,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

function classExists(): never {
  throw conflict('class-exists', 'This academic year already has a class with this grade and letter');
}

/**
 * Classes of an academic year: «1А» … «11Б», sorted by grade, then letter in Russian collation.
 * Scoped to the actor's school; another school's year or class answers 404, another school's staff in a body 422.
 */
@Injectable()
export class ClassService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: Actor, yearId: string, query: ClassListQuery): Promise<Page<ClassResponse>> {
    await this.assertYear(this.db.manager, actor.schoolId, yearId);
    // a teacher lists only the classes in their reach (class teacher, or an assignment there); school-wide roles all
    const reach = namedParams();
    const qb = this.db
      .getRepository(SchoolClass)
      .createQueryBuilder('c')
      .where('c.school_id = :school AND c.academic_year_id = :year', { school: actor.schoolId, year: yearId })
      .andWhere(classInReach(actor, 'c.id', reach.bind), reach.params);
    if (query.grade !== undefined) qb.andWhere('c.grade = :grade', { grade: query.grade });
    return paginate(
      qb,
      [
        { sql: 'c.grade', cast: 'int' },
        { sql: 'c.letter COLLATE "ru-RU-x-icu"', cast: 'text' },
        { sql: 'c.id', cast: 'uuid' },
      ],
      query,
      (c) => [c.grade, c.letter, c.id],
      toResponse,
    );
  }

  /** One class, if within the actor's reach (a teacher's own classes; otherwise 404 as if it did not exist). */
  async get(actor: Actor, id: string): Promise<ClassResponse> {
    const reach = namedParams();
    const c = await this.db
      .getRepository(SchoolClass)
      .createQueryBuilder('c')
      .where('c.id = :id AND c.school_id = :school', { id, school: actor.schoolId })
      .andWhere(classInReach(actor, 'c.id', reach.bind), reach.params)
      .getOne();
    if (!c) throw notFound('Class');
    return toResponse(c);
  }

  async create(actor: Actor, yearId: string, dto: CreateClassDto): Promise<ClassResponse> {
    try {
      return await this.db.transaction(async (m) => {
        await lockSchool(m, actor.schoolId);
        await this.assertYear(m, actor.schoolId, yearId);
        const teacher = dto.classTeacherStaffId ?? null;
        if (teacher) await this.assertClassTeacher(m, actor.schoolId, teacher);
        if (await m.existsBy(SchoolClass, { schoolId: actor.schoolId, academicYearId: yearId, grade: dto.grade, letter: dto.letter })) {
          classExists();
        }
        const saved = await m.save(
          m.create(SchoolClass, {
            schoolId: actor.schoolId,
            academicYearId: yearId,
            grade: dto.grade,
            letter: dto.letter,
            classTeacherStaffId: teacher,
            shift: dto.shift ?? 1,
            capacity: dto.capacity ?? null,
          }),
        );
        return toResponse(saved);
      });
    } catch (e) {
      if (isUniqueViolation(e, 'uq_school_class')) classExists();
      throw e;
    }
  }

  async update(actor: Actor, id: string, dto: UpdateClassDto): Promise<ClassResponse> {
    try {
      return await this.db.transaction(async (m) => {
        await lockSchool(m, actor.schoolId);
        const c = await this.find(m, actor.schoolId, id);
        if (dto.classTeacherStaffId !== undefined && dto.classTeacherStaffId !== c.classTeacherStaffId) {
          if (dto.classTeacherStaffId !== null) await this.assertClassTeacher(m, actor.schoolId, dto.classTeacherStaffId);
          c.classTeacherStaffId = dto.classTeacherStaffId;
        }
        const grade = dto.grade ?? c.grade;
        const letter = dto.letter ?? c.letter;
        if (grade !== c.grade || letter !== c.letter) {
          const clash: Array<{ id: string }> = await m.query(
            'SELECT id FROM school_class WHERE school_id = $1 AND academic_year_id = $2 AND grade = $3 AND letter = $4 AND id <> $5',
            [actor.schoolId, c.academicYearId, grade, letter, c.id],
          );
          if (clash.length > 0) classExists();
          c.grade = grade;
          c.letter = letter;
        }
        if (dto.shift !== undefined) c.shift = dto.shift;
        if (dto.capacity !== undefined) c.capacity = dto.capacity;
        return toResponse(await m.save(c));
      });
    } catch (e) {
      if (isUniqueViolation(e, 'uq_school_class')) classExists();
      throw e;
    }
  }

  /** Removes a class that nothing refers to: 409 `class-in-use` while enrolments, movements, subgroups or assignments do. */
  async delete(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      const c = await this.find(m, actor.schoolId, id);
      const used = (await m.query(
        `SELECT EXISTS (SELECT 1 FROM enrollment WHERE class_id = $1)
             OR EXISTS (SELECT 1 FROM movement WHERE from_class_id = $1 OR to_class_id = $1)
             OR EXISTS (SELECT 1 FROM subgroup WHERE class_id = $1)
             OR EXISTS (SELECT 1 FROM teaching_assignment WHERE class_id = $1) AS used`,
        [c.id],
      )) as Array<{ used: boolean }>;
      if (used[0].used) {
        throw conflict('class-in-use', 'Students, subgroups or teaching assignments refer to this class; it cannot be removed');
      }
      await m.delete(SchoolClass, { id: c.id, schoolId: actor.schoolId });
    });
  }

  private async find(m: EntityManager, schoolId: string, id: string): Promise<SchoolClass> {
    const c = await m.findOneBy(SchoolClass, { id, schoolId });
    if (!c) throw notFound('Class');
    return c;
  }

  private async assertYear(m: EntityManager, schoolId: string, yearId: string): Promise<void> {
    const rows: unknown[] = await m.query('SELECT 1 FROM academic_year WHERE id = $1 AND school_id = $2', [yearId, schoolId]);
    if (rows.length === 0) throw notFound('Academic year');
  }

  /** The class teacher is an active (not archived) staff record of this school. */
  private async assertClassTeacher(m: EntityManager, schoolId: string, staffId: string): Promise<void> {
    const rows: unknown[] = await m.query('SELECT 1 FROM staff WHERE id = $1 AND school_id = $2 AND archived_at IS NULL', [
      staffId,
      schoolId,
    ]);
    if (rows.length === 0) {
      throw fieldProblem('class-teacher-invalid', 'classTeacherStaffId', 'must be an active staff record of this school', 'Invalid class teacher');
    }
  }
}
