import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, hasRole } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { conflict, fieldProblem, notFound } from '../../common/errors/problem';
import { assertStudentInReach, positionalParams } from '../contingent/reach/reach';
import { MarkHistoryListResponse, MarkHistoryView, StudentMarkHistoryQuery } from './dto/lesson-journal.dto';
import { AnnulMarkDto, CreateExternalMarkDto, MarkResponse } from './dto/external-mark.dto';
import { LessonJournalService, MARK_HISTORY_SELECT, notClassTeacher } from './lesson-journal.service';

const MARK_SELECT = `
  SELECT mk.id, mk.student_id AS "studentId", mk.teaching_assignment_id AS "assignmentId", a.subject_id AS "subjectId", mk.lesson_id AS "lessonId",
         to_char(mk.date, 'YYYY-MM-DD') AS date, mk.mark_type_id AS "markTypeId", t.weight::float AS weight, mk.value, mk.source,
         mk.source_document AS "sourceDocument", to_char(mk.deadline, 'YYYY-MM-DD') AS deadline, mk.late, mk.annulled_at AS "annulledAt",
         mk.annul_reason AS "annulReason"
    FROM mark mk JOIN teaching_assignment a ON a.id = mk.teaching_assignment_id JOIN mark_type t ON t.id = mk.mark_type_id`;

/**
 * Marks outside the lesson's PUT: home-schooling and hospital marks (R-JRN-7, §4.4.15) recorded by the admin or the
 * deputy with their document, their annulment, and a student's mark history (R-JRN-5).
 */
@Injectable()
export class MarkService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly journal: LessonJournalService,
  ) {}

  /**
   * A mark from home schooling or a hospital school: of an assignment of the class the student is enrolled in on the
   * date (for a subgroup assignment, a member that day), of a school mark type in use; never grade 1. Its deadline is
   * the day it is recorded (it comes with a document after the fact) and it is never late.
   */
  async createExternal(actor: Actor, studentId: string, dto: CreateExternalMarkDto): Promise<MarkResponse> {
    return this.db.transaction(async (m) => {
      await assertStudentInReach(m, actor, studentId);
      const a = (await m.query(
        `SELECT c.grade, to_char(school_today(s.time_zone), 'YYYY-MM-DD') AS today,
                EXISTS (SELECT 1 FROM enrollment en WHERE en.student_id = $3 AND en.class_id = a.class_id
                          AND en.starts_on <= $4::date AND (en.ends_on IS NULL OR en.ends_on > $4::date)
                          AND (a.subgroup_id IS NULL OR EXISTS (SELECT 1 FROM subgroup_member sm WHERE sm.subgroup_id = a.subgroup_id
                                AND sm.student_id = $3 AND sm.starts_on <= $4::date AND (sm.ends_on IS NULL OR sm.ends_on > $4::date)))) AS due
           FROM teaching_assignment a JOIN school_class c ON c.id = a.class_id JOIN school s ON s.id = a.school_id
          WHERE a.id = $1 AND a.school_id = $2`,
        [dto.assignmentId, actor.schoolId, studentId, dto.date],
      )) as Array<{ grade: number; today: string; due: boolean }>;
      if (a.length === 0) throw fieldProblem('assignment-invalid', 'assignmentId', 'not a teaching assignment of the school');
      if (!a[0].due) throw fieldProblem('student-not-in-assignment', 'assignmentId', "not an assignment of the student's class (or subgroup) on that date");
      if (a[0].grade === 1) throw fieldProblem('grade-1-no-marks', 'value', 'grade 1 gets no marks (§3.7)');
      if (dto.date > a[0].today) throw fieldProblem('mark-date-in-future', 'date', 'must not be after today');
      const types = (await m.query('SELECT 1 FROM mark_type WHERE id = $1 AND school_id = $2 AND archived_at IS NULL', [dto.markTypeId, actor.schoolId])) as unknown[];
      if (types.length === 0) throw fieldProblem('mark-type-invalid', 'markTypeId', "not one of the school's mark types in use");
      const [row] = (await m.query(
        `INSERT INTO mark (school_id, teaching_assignment_id, lesson_id, date, student_id, mark_type_id, value, source, source_document, deadline, late, created_by_user_id)
         VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8, $9, false, $10) RETURNING id`,
        [actor.schoolId, dto.assignmentId, dto.date, studentId, dto.markTypeId, dto.value, dto.source, dto.sourceDocument, a[0].today, actor.userId],
      )) as Array<{ id: string }>;
      await this.journal.history(m, actor, [
        { markId: row.id, action: 'create', oldValue: null, newValue: dto.value, oldType: null, newType: dto.markTypeId, reason: dto.sourceDocument, afterDeadline: false },
      ]);
      return this.one(m, row.id);
    });
  }

  /** Annuls a home-schooling or hospital mark (a journal mark is annulled through the lesson's PUT). */
  async annul(actor: Actor, markId: string, dto: AnnulMarkDto): Promise<MarkResponse> {
    return this.db.transaction(async (m) => {
      const rows = (await m.query('SELECT source, value, mark_type_id AS "markTypeId", annulled_at IS NOT NULL AS annulled FROM mark WHERE id = $1 AND school_id = $2 FOR UPDATE', [
        markId,
        actor.schoolId,
      ])) as Array<{ source: string; value: number; markTypeId: string; annulled: boolean }>;
      const mk = rows[0];
      if (mk === undefined) throw notFound('Mark');
      if (mk.source === 'journal') throw conflict('journal-mark', "A journal mark is annulled through the lesson's journal (PUT /lessons/{lessonId}/journal)");
      if (mk.annulled) throw conflict('mark-annulled', 'The mark is already annulled');
      await m.query('UPDATE mark SET annulled_at = now(), annul_reason = $2, updated_at = now() WHERE id = $1', [markId, dto.reason]);
      await this.journal.history(m, actor, [
        { markId, action: 'annul', oldValue: mk.value, newValue: null, oldType: mk.markTypeId, newType: null, reason: dto.reason, afterDeadline: false },
      ]);
      return this.one(m, markId);
    });
  }

  /** A student's mark history: the admin, the deputy, and the class teacher of a class the student is or was in. */
  async studentHistory(actor: Actor, studentId: string, q: StudentMarkHistoryQuery): Promise<MarkHistoryListResponse> {
    const m = this.db.manager;
    await assertStudentInReach(m, actor, studentId);
    if (!hasRole(actor, Role.Admin, Role.Deputy)) {
      const ok = (await m.query(
        `SELECT 1 FROM enrollment en JOIN school_class c ON c.id = en.class_id JOIN staff st ON st.id = c.class_teacher_staff_id
          WHERE en.student_id = $1 AND st.user_id = $2 AND st.school_id = $3`,
        [studentId, actor.userId, actor.schoolId],
      )) as unknown[];
      if (ok.length === 0) throw notClassTeacher();
    }
    const p = positionalParams([studentId, actor.schoolId]);
    const where = ['mk.student_id = $1', 'mk.school_id = $2'];
    if (q.subjectId !== undefined) where.push(`a.subject_id = ${p.bind(q.subjectId)}`);
    if (q.from !== undefined) where.push(`mk.date >= ${p.bind(q.from)}::date`);
    if (q.to !== undefined) where.push(`mk.date <= ${p.bind(q.to)}::date`);
    const items = (await m.query(`${MARK_HISTORY_SELECT} WHERE ${where.join(' AND ')} ORDER BY h.changed_at, h.id`, p.values)) as MarkHistoryView[];
    return { items };
  }

  private async one(m: EntityManager, id: string): Promise<MarkResponse> {
    return ((await m.query(`${MARK_SELECT} WHERE mk.id = $1`, [id])) as MarkResponse[])[0];
  }
}
