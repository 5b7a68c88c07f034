import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { fieldProblem, notFound } from '../../common/errors/problem';
import { lockSchool } from '../school/school-lock';
import { classDisplayName } from '../contingent/class-rules';
import { CurriculumQuery, CurriculumResponse, CurriculumRowResponse, ReplaceGradeCurriculumDto, SetClassCurriculumDto } from './dto/curriculum.dto';

interface Row {
  subject_id: string;
  subject_name: string;
  grade: number;
  class_id: string | null;
  letter: string | null;
  hours: string;
}

const toResponse = (r: Row): CurriculumRowResponse => ({
  subjectId: r.subject_id,
  subjectName: r.subject_name,
  grade: r.grade,
  classId: r.class_id,
  className: r.class_id === null ? null : classDisplayName(r.grade, r.letter as string),
  hoursPerYear: Number(r.hours),
  source: r.class_id === null ? 'grade' : 'class',
});

const ORDER = `ORDER BY grade, letter COLLATE "ru-RU-x-icu" NULLS FIRST, subject_name COLLATE "ru-RU-x-icu", subject_id`;

/**
 * Учебный план (R-PLN-2): hours a year of each subject by grade for an academic year, and a class's own hours that
 * override its grade's. Staff read it; the deputy and the administrator write it.
 */
@Injectable()
export class CurriculumService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(actor: Actor, yearId: string, query: CurriculumQuery): Promise<CurriculumResponse> {
    const m = this.db.manager;
    await this.assertYear(m, actor.schoolId, yearId);
    if (query.classId !== undefined) return { academicYearId: yearId, items: await this.ofClass(m, actor.schoolId, yearId, query.classId) };
    const rows = (await m.query(
      `SELECT * FROM (
         SELECT ch.subject_id, sj.name AS subject_name, coalesce(ch.grade, c.grade)::int AS grade, ch.class_id, c.letter,
                ch.hours_per_year::text AS hours
           FROM curriculum_hours ch
           JOIN subject sj ON sj.id = ch.subject_id
           LEFT JOIN school_class c ON c.id = ch.class_id
          WHERE ch.school_id = $1 AND ch.academic_year_id = $2) r
        WHERE ($3::int IS NULL OR r.grade = $3::int)
        ${ORDER}`,
      [actor.schoolId, yearId, query.grade ?? null],
    )) as Row[];
    return { academicYearId: yearId, items: rows.map(toResponse) };
  }

  /** The effective curriculum of a class: per subject its own row, else its grade's. */
  private async ofClass(m: EntityManager, schoolId: string, yearId: string, classId: string): Promise<CurriculumRowResponse[]> {
    const cls = (await m.query('SELECT grade, letter FROM school_class WHERE id = $1 AND school_id = $2 AND academic_year_id = $3', [
      classId,
      schoolId,
      yearId,
    ])) as Array<{ grade: number; letter: string }>;
    if (cls.length === 0) throw notFound('Class');
    const rows = (await m.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (ch.subject_id) ch.subject_id, sj.name AS subject_name, $4::int AS grade, ch.class_id, $5::text AS letter,
                ch.hours_per_year::text AS hours
           FROM curriculum_hours ch
           JOIN subject sj ON sj.id = ch.subject_id
          WHERE ch.school_id = $1 AND ch.academic_year_id = $2 AND (ch.class_id = $3 OR (ch.class_id IS NULL AND ch.grade = $4))
          ORDER BY ch.subject_id, ch.class_id NULLS LAST) r
       ORDER BY subject_name COLLATE "ru-RU-x-icu", subject_id`,
      [schoolId, yearId, classId, cls[0].grade, cls[0].letter],
    )) as Row[];
    return rows.map(toResponse);
  }

  async replaceGrade(actor: Actor, yearId: string, dto: ReplaceGradeCurriculumDto): Promise<CurriculumResponse> {
    await this.db.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      await this.assertYear(m, actor.schoolId, yearId);
      const ids = dto.items.map((i) => i.subjectId);
      const known = new Set(
        ((await m.query('SELECT id FROM subject WHERE id = ANY($1::uuid[]) AND school_id = $2 AND archived_at IS NULL', [ids, actor.schoolId])) as Array<{
          id: string;
        }>).map((r) => r.id),
      );
      const bad = ids.findIndex((id) => !known.has(id));
      if (bad >= 0) throw fieldProblem('subject-invalid', `items[${bad}].subjectId`, 'must be an active subject of this school', 'Invalid subject');
      await m.query('DELETE FROM curriculum_hours WHERE school_id = $1 AND academic_year_id = $2 AND grade = $3 AND class_id IS NULL', [
        actor.schoolId,
        yearId,
        dto.grade,
      ]);
      if (dto.items.length > 0) {
        await m.query(
          `INSERT INTO curriculum_hours (school_id, academic_year_id, grade, subject_id, hours_per_year)
           SELECT $1, $2, $3, s, h FROM unnest($4::uuid[], $5::numeric[]) AS x(s, h)`,
          [actor.schoolId, yearId, dto.grade, ids, dto.items.map((i) => i.hoursPerYear)],
        );
      }
    });
    return this.get(actor, yearId, { grade: dto.grade });
  }

  async setForClass(actor: Actor, classId: string, subjectId: string, dto: SetClassCurriculumDto): Promise<CurriculumRowResponse> {
    return this.db.transaction(async (m) => {
      const yearId = await this.classYear(m, actor.schoolId, classId);
      await this.assertSubject(m, actor.schoolId, subjectId);
      await m.query(
        `INSERT INTO curriculum_hours (school_id, academic_year_id, class_id, subject_id, hours_per_year) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (school_id, class_id, subject_id) WHERE class_id IS NOT NULL
         DO UPDATE SET hours_per_year = EXCLUDED.hours_per_year, updated_at = now()`,
        [actor.schoolId, yearId, classId, subjectId, dto.hoursPerYear],
      );
      const rows = await this.ofClass(m, actor.schoolId, yearId, classId);
      return rows.find((r) => r.subjectId === subjectId) as CurriculumRowResponse;
    });
  }

  async deleteForClass(actor: Actor, classId: string, subjectId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.classYear(m, actor.schoolId, classId);
      const deleted = (await m.query('DELETE FROM curriculum_hours WHERE school_id = $1 AND class_id = $2 AND subject_id = $3 RETURNING id', [
        actor.schoolId,
        classId,
        subjectId,
      ])) as [unknown[], number];
      if (deleted[1] === 0) throw notFound('Class curriculum row');
    });
  }

  private async classYear(m: EntityManager, schoolId: string, classId: string): Promise<string> {
    const rows = (await m.query('SELECT academic_year_id FROM school_class WHERE id = $1 AND school_id = $2', [classId, schoolId])) as Array<{
      academic_year_id: string;
    }>;
    if (rows.length === 0) throw notFound('Class');
    return rows[0].academic_year_id;
  }

  private async assertSubject(m: EntityManager, schoolId: string, subjectId: string): Promise<void> {
    const rows: unknown[] = await m.query('SELECT 1 FROM subject WHERE id = $1 AND school_id = $2 AND archived_at IS NULL', [subjectId, schoolId]);
    if (rows.length === 0) throw notFound('Subject');
  }

  private async assertYear(m: EntityManager, schoolId: string, yearId: string): Promise<void> {
    const rows: unknown[] = await m.query('SELECT 1 FROM academic_year WHERE id = $1 AND school_id = $2', [yearId, schoolId]);
    if (rows.length === 0) throw notFound('Academic year');
  }
}
