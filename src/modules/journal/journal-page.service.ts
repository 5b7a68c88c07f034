import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { fieldProblem, notFound, validationProblem } from '../../common/errors/problem';
import { assignmentInReach, classManagedBy, positionalParams } from '../contingent/reach/reach';
import { LaidTopic, layTopics } from '../lessons/lesson-topics';
import { addDays } from '../school/calendar/working-calendar';
import { JournalPageLesson, JournalPageQuery, JournalPageResponse, JournalPageStudent } from './dto/journal-page.dto';
import { subjectAverages } from './journal-sql';

/** The longest span of dates a page may cover when asked by dates. */
export const MAX_PAGE_DAYS = 200;

/**
 * The span of the page: a study period, or [from, to] — exactly one of the two; to ≥ from; at most MAX_PAGE_DAYS.
 * Returns the study period's id (the caller reads it) or the dates.
 */
export function pageSpan(q: Pick<JournalPageQuery, 'periodId' | 'from' | 'to'>): { periodId: string } | { from: string; to: string } {
  const byDates = q.from !== undefined || q.to !== undefined;
  if (q.periodId !== undefined && byDates) {
    throw fieldProblem('journal-period-invalid', 'periodId', 'name either periodId or from and to, not both', 'Journal period invalid');
  }
  if (q.periodId !== undefined) return { periodId: q.periodId };
  if (q.from === undefined || q.to === undefined) {
    throw fieldProblem('journal-period-invalid', q.from === undefined ? 'from' : 'to', 'name periodId, or both from and to', 'Journal period invalid');
  }
  if (q.to < q.from) throw fieldProblem('date-range-invalid', 'to', 'must not be before from');
  if (addDays(q.from, MAX_PAGE_DAYS - 1) < q.to) throw fieldProblem('date-range-invalid', 'to', `at most ${MAX_PAGE_DAYS} days`);
  return { from: q.from, to: q.to };
}

interface HeaderRow {
  id: string;
  classId: string;
  className: string;
  subgroupId: string | null;
  subgroupName: string | null;
  subjectId: string;
  subject: string;
  staffId: string;
  teacher: string;
  grade: number;
  academicYearId: string;
  periodId: string | null;
  periodName: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  periodYearId: string | null;
  gradeFrom: number | null;
  gradeTo: number | null;
  /** the approved plan's topics in order; null without an approved plan */
  topics: LaidTopic[] | null;
}

type LessonRow = Omit<JournalPageLesson, 'plannedTopic'> & { ordinal: number | null };

/**
 * The class journal page (R-JRN-6): students (Russian order) × the assignment's dated lessons with every mark and
 * absence and the weighted averages, from a few explicit statements read in one snapshot (REPEATABLE READ):
 * the assignment with the reach check, the period and the approved plan's topics; the lessons; the students with their
 * marks and absences as JSON; the averages by `subjectAverages()` — the one
 * definition the diary and the early warning share.
 */
@Injectable()
export class JournalPageService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(actor: Actor, q: JournalPageQuery): Promise<JournalPageResponse> {
    const span = pageSpan(q);
    return this.db.transaction('REPEATABLE READ', async (m) => {
      // readers: the assignment's teacher, the class teacher of its class, the deputy, the director, the admin
      const p = positionalParams([q.assignmentId, actor.schoolId, 'periodId' in span ? span.periodId : null]);
      const reach = `(${assignmentInReach(actor, 'a.id', p.bind, 'read')} OR ${classManagedBy(actor, 'a.class_id', p.bind)})`;
      const header = ((await m.query(
        `SELECT a.id, a.class_id AS "classId", c.grade::text || c.letter AS "className", a.subgroup_id AS "subgroupId", g.name AS "subgroupName",
                a.subject_id AS "subjectId", sj.name AS subject, a.staff_id AS "staffId", concat_ws(' ', st.surname, st.name, st.patronymic) AS teacher,
                c.grade, a.academic_year_id AS "academicYearId",
                sp.id AS "periodId", sp.name AS "periodName", to_char(sp.starts_on, 'YYYY-MM-DD') AS "periodFrom",
                to_char(sp.ends_on, 'YYYY-MM-DD') AS "periodTo", sp.academic_year_id AS "periodYearId",
                sp.grade_from AS "gradeFrom", sp.grade_to AS "gradeTo",
                (SELECT json_agg(json_build_object('position', t.position, 'title', t.title, 'kind', t.kind, 'hours', t.hours::float) ORDER BY t.position)
                   FROM thematic_plan tp JOIN plan_topic t ON t.plan_id = tp.id
                  WHERE tp.teaching_assignment_id = a.id AND tp.status = 'approved') AS topics
           FROM teaching_assignment a
           JOIN school_class c ON c.id = a.class_id
           JOIN subject sj ON sj.id = a.subject_id
           JOIN staff st ON st.id = a.staff_id
           LEFT JOIN subgroup g ON g.id = a.subgroup_id
           LEFT JOIN study_period sp ON sp.id = $3::uuid AND sp.school_id = a.school_id
          WHERE a.id = $1 AND a.school_id = $2 AND ${reach}`,
        p.values,
      )) as HeaderRow[])[0];
      if (header === undefined) throw notFound('Teaching assignment');
      let from: string;
      let to: string;
      if ('periodId' in span) {
        if (header.periodId === null) throw notFound('Study period');
        if (header.periodYearId !== header.academicYearId || header.grade < header.gradeFrom! || header.grade > header.gradeTo!) {
          throw validationProblem([{ field: 'periodId', message: "not a study period of the assignment's year and grade" }], 'journal-period-invalid', 'Journal period invalid');
        }
        from = header.periodFrom!;
        to = header.periodTo!;
      } else {
        ({ from, to } = span);
      }

      // the lessons of the period; `ordinal`: the place of a held lesson among the assignment's held lessons of the year
      const lessons = (await m.query(
        `SELECT id, date, "lessonNumber", topic, "workKind", conducted, cancelled, ordinal FROM (
           SELECT l.id, to_char(l.date, 'YYYY-MM-DD') AS date, l.date AS d, l.lesson_number AS "lessonNumber", l.topic, l.work_kind AS "workKind",
                  l.conducted_at IS NOT NULL AS conducted, l.cancelled,
                  CASE WHEN NOT l.cancelled THEN (count(*) FILTER (WHERE NOT l.cancelled) OVER (ORDER BY l.date, l.lesson_number, l.id))::int END AS ordinal
             FROM lesson l WHERE l.teaching_assignment_id = $1) x
          WHERE d BETWEEN $2::date AND $3::date
          ORDER BY d, "lessonNumber", id`,
        [header.id, from, to],
      )) as LessonRow[];

      // the students due: enrolled in the class at some time of the period (a subgroup: members at some time of it)
      const values: unknown[] = [header.classId, header.subjectId, from, to, header.id];
      const member =
        header.subgroupId === null
          ? ''
          : `AND EXISTS (SELECT 1 FROM subgroup_member sm WHERE sm.subgroup_id = $${values.push(header.subgroupId)} AND sm.student_id = s.id
                 AND sm.starts_on <= $4::date AND (sm.ends_on IS NULL OR sm.ends_on > $3::date))`;
      const students = (await m.query(
        `SELECT s.id, s.surname, s.name, s.patronymic,
                coalesce((SELECT json_agg(json_build_object('id', mk.id, 'value', mk.value, 'markTypeId', mk.mark_type_id, 'markType', mt.short_name,
                                   'weight', mt.weight::float, 'lessonId', mk.lesson_id, 'source', mk.source, 'date', to_char(mk.date, 'YYYY-MM-DD'),
                                   'late', mk.late, 'comment', mk.comment)
                                   ORDER BY mk.date, ml.lesson_number NULLS LAST, mk.created_at, mk.id)
                            FROM mark mk
                            JOIN teaching_assignment ma ON ma.id = mk.teaching_assignment_id
                            JOIN mark_type mt ON mt.id = mk.mark_type_id
                            LEFT JOIN lesson ml ON ml.id = mk.lesson_id
                           WHERE mk.student_id = s.id AND ma.class_id = $1 AND ma.subject_id = $2
                             AND mk.date BETWEEN $3::date AND $4::date AND mk.annulled_at IS NULL), '[]'::json) AS marks,
                coalesce((SELECT json_agg(json_build_object('lessonId', at.lesson_id, 'code', at.code) ORDER BY al.date, al.lesson_number)
                            FROM attendance at JOIN lesson al ON al.id = at.lesson_id
                           WHERE at.student_id = s.id AND al.teaching_assignment_id = $5 AND al.date BETWEEN $3::date AND $4::date), '[]'::json) AS absences
           FROM student s
          WHERE EXISTS (SELECT 1 FROM enrollment en WHERE en.student_id = s.id AND en.class_id = $1
                           AND en.starts_on <= $4::date AND (en.ends_on IS NULL OR en.ends_on > $3::date))
            ${member}
          ORDER BY s.surname COLLATE "ru-RU-x-icu", s.name COLLATE "ru-RU-x-icu", s.patronymic COLLATE "ru-RU-x-icu" NULLS FIRST, s.id`,
        values,
      )) as Array<Omit<JournalPageStudent, 'average'>>;

      const most = Math.max(0, ...lessons.map((l) => l.ordinal ?? 0));
      const laid = header.topics === null || most === 0 ? null : layTopics(header.topics, most);
      const averages = await subjectAverages(m, actor.schoolId, header.classId, header.subjectId, from, to);
      const byStudent = new Map(averages.students.map((a) => [a.studentId, a.average]));

      const h = header;
      const assignment = {
        id: h.id, classId: h.classId, className: h.className, subgroupId: h.subgroupId, subgroupName: h.subgroupName,
        subjectId: h.subjectId, subject: h.subject, staffId: h.staffId, teacher: h.teacher,
      };
      return {
        assignment,
        period: { id: h.periodId, name: h.periodName, from, to },
        lessons: lessons.map(({ ordinal, ...l }) => {
          const t = ordinal === null ? null : (laid?.[ordinal - 1] ?? null);
          return { ...l, plannedTopic: t === null ? null : { position: t.position, title: t.title } };
        }),
        students: students.map((s) => ({ ...s, average: byStudent.get(s.id) ?? null })),
        classAverage: averages.classAverage,
      };
    });
  }
}
