import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { fieldProblem, notFound, validationProblem } from '../../common/errors/problem';
import { preparedQuery } from '../../database/prepared';
import { assignmentInReach, classManagedBy, positionalParams } from '../contingent/reach/reach';
import { LaidTopic, layTopics } from '../lessons/lesson-topics';
import { addDays } from '../school/calendar/working-calendar';
import { JournalPageLesson, JournalPageQuery, JournalPageResponse } from './dto/journal-page.dto';
import { classAverageOf, subjectAveragesSelect } from './journal-sql';

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

interface PageRow {
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
  periodYearId: string | null;
  gradeFrom: number | null;
  gradeTo: number | null;
  /** the span read: the period's dates, or the dates asked */
  from: string | null;
  to: string | null;
  /** the approved plan's topics in order; null without an approved plan */
  topics: LaidTopic[] | null;
  lessons: LessonRow[];
  /** JournalPageStudent[] as JSON text (with their averages), passed on as it is */
  students: string;
  /** the students' averages (for the class average) */
  averages: number[];
}

type LessonRow = Omit<JournalPageLesson, 'plannedTopic'> & { ordinal: number | null };

/**
 * The page's one statement (one snapshot): no row when the assignment ($1, school $2) is out of the actor's reach
 * (its teacher, the class teacher of its class, the deputy, the director, the admin); otherwise the assignment, the
 * study period $3 (or none: the dates $4–$5), the approved plan's topics, the lessons of the span (`ordinal`: the
 * place of a held lesson among the assignment's held lessons of the year), the students due (enrolled in the class at
 * some time of the span; a subgroup: its members then) in Russian order with their marks, absences and averages —
 * as JSON text, the bulk of the page, which is passed on without parsing it — and the averages by
 * subjectAveragesSelect, the one definition the diary and the early warning share. Exported for the benchmark's
 * floor, which runs the same SQL.
 */
export function journalPageQuery(actor: Actor, q: Pick<JournalPageQuery, 'assignmentId'>, span: ReturnType<typeof pageSpan>): { text: string; values: unknown[] } {
  const p = positionalParams([
    q.assignmentId,
    actor.schoolId,
    'periodId' in span ? span.periodId : null,
    'from' in span ? span.from : null,
    'from' in span ? span.to : null,
  ]);
  const reach = `(${assignmentInReach(actor, 'a.id', p.bind, 'read')} OR ${classManagedBy(actor, 'a.class_id', p.bind)})`;
  const text = `WITH h AS (
  SELECT a.id, a.school_id, a.class_id AS "classId", c.grade::text || c.letter AS "className", a.subgroup_id AS "subgroupId", g.name AS "subgroupName",
         a.subject_id AS "subjectId", sj.name AS subject, a.staff_id AS "staffId", concat_ws(' ', st.surname, st.name, st.patronymic) AS teacher,
         c.grade, a.academic_year_id AS "academicYearId",
         sp.id AS "periodId", sp.name AS "periodName", sp.academic_year_id AS "periodYearId", sp.grade_from AS "gradeFrom", sp.grade_to AS "gradeTo",
         CASE WHEN $3::uuid IS NULL THEN $4::date ELSE sp.starts_on END AS f,
         CASE WHEN $3::uuid IS NULL THEN $5::date ELSE sp.ends_on END AS t
    FROM teaching_assignment a
    JOIN school_class c ON c.id = a.class_id
    JOIN subject sj ON sj.id = a.subject_id
    JOIN staff st ON st.id = a.staff_id
    LEFT JOIN subgroup g ON g.id = a.subgroup_id
    LEFT JOIN study_period sp ON sp.id = $3::uuid AND sp.school_id = a.school_id
   WHERE a.id = $1 AND a.school_id = $2 AND ${reach}),
  -- the marks of the span in the subject (the class's assignments of it: the whole class's and the subgroups'), by student
  marks_by AS MATERIALIZED (
  SELECT mk.student_id,
         json_agg(json_build_object('id', mk.id, 'value', mk.value, 'markTypeId', mk.mark_type_id, 'markType', mt.short_name,
                                    'weight', mt.weight::float, 'lessonId', mk.lesson_id, 'source', mk.source, 'date', to_char(mk.date, 'YYYY-MM-DD'),
                                    'late', mk.late, 'comment', mk.comment)
                  ORDER BY mk.date, ml.lesson_number NULLS LAST, mk.created_at, mk.id) AS marks
    FROM h
    JOIN teaching_assignment ma ON ma.class_id = h."classId" AND ma.subject_id = h."subjectId"
    JOIN mark mk ON mk.teaching_assignment_id = ma.id AND mk.date BETWEEN h.f AND h.t AND mk.annulled_at IS NULL
    JOIN mark_type mt ON mt.id = mk.mark_type_id
    LEFT JOIN lesson ml ON ml.id = mk.lesson_id
   GROUP BY mk.student_id),
  -- the absences at the assignment's lessons of the span, by student
  absences_by AS MATERIALIZED (
  SELECT at.student_id, json_agg(json_build_object('lessonId', at.lesson_id, 'code', at.code) ORDER BY al.date, al.lesson_number) AS absences
    FROM h
    JOIN lesson al ON al.teaching_assignment_id = h.id AND al.date BETWEEN h.f AND h.t
    JOIN attendance at ON at.lesson_id = al.id
   GROUP BY at.student_id),
  -- the weighted averages of the span, by student (subjectAveragesSelect: the one definition)
  averages AS MATERIALIZED (
  SELECT av.* FROM h, LATERAL (${subjectAveragesSelect('h.school_id', 'h."classId"', 'h."subjectId"', 'h.f', 'h.t')}) av)
SELECT h.id, h."classId", h."className", h."subgroupId", h."subgroupName", h."subjectId", h.subject, h."staffId", h.teacher, h.grade,
       h."academicYearId", h."periodId", h."periodName", h."periodYearId", h."gradeFrom", h."gradeTo",
       to_char(h.f, 'YYYY-MM-DD') AS "from", to_char(h.t, 'YYYY-MM-DD') AS "to",
       (SELECT json_agg(json_build_object('position', pt.position, 'title', pt.title, 'kind', pt.kind, 'hours', pt.hours::float) ORDER BY pt.position)
          FROM thematic_plan tp JOIN plan_topic pt ON pt.plan_id = tp.id
         WHERE tp.teaching_assignment_id = h.id AND tp.status = 'approved') AS topics,
       coalesce((SELECT json_agg(json_build_object('id', x.id, 'date', to_char(x.date, 'YYYY-MM-DD'), 'lessonNumber', x.lesson_number, 'topic', x.topic,
                                                   'workKind', x.work_kind, 'conducted', x.conducted_at IS NOT NULL, 'cancelled', x.cancelled,
                                                   'ordinal', x.ordinal) ORDER BY x.date, x.lesson_number, x.id)
                   FROM (SELECT l.*, CASE WHEN NOT l.cancelled THEN (count(*) FILTER (WHERE NOT l.cancelled) OVER (ORDER BY l.date, l.lesson_number, l.id))::int END AS ordinal
                           FROM lesson l WHERE l.teaching_assignment_id = h.id) x
                  WHERE x.date BETWEEN h.f AND h.t), '[]') AS lessons,
       coalesce((SELECT json_agg(json_build_object('id', s.id, 'surname', s.surname, 'name', s.name, 'patronymic', s.patronymic,
                                                   'marks', coalesce(bm.marks, '[]'::json), 'absences', coalesce(ba.absences, '[]'::json),
                                                   'average', av.average)
                                 ORDER BY s.surname COLLATE "ru-RU-x-icu", s.name COLLATE "ru-RU-x-icu", s.patronymic COLLATE "ru-RU-x-icu" NULLS FIRST, s.id)
                   FROM student s
                   LEFT JOIN marks_by bm ON bm.student_id = s.id
                   LEFT JOIN absences_by ba ON ba.student_id = s.id
                   LEFT JOIN averages av ON av."studentId" = s.id
                  WHERE EXISTS (SELECT 1 FROM enrollment en WHERE en.student_id = s.id AND en.class_id = h."classId"
                                   AND en.starts_on <= h.t AND (en.ends_on IS NULL OR en.ends_on > h.f))
                    AND (h."subgroupId" IS NULL OR EXISTS (SELECT 1 FROM subgroup_member sm WHERE sm.subgroup_id = h."subgroupId" AND sm.student_id = s.id
                                                             AND sm.starts_on <= h.t AND (sm.ends_on IS NULL OR sm.ends_on > h.f)))), '[]')::text AS students,
       coalesce((SELECT json_agg(av.average) FROM averages av), '[]') AS averages
  FROM h`;
  return { text, values: p.values };
}

/**
 * The class journal page (R-JRN-6): students (Russian order) × the assignment's dated lessons with every mark and
 * absence and the weighted averages — one explicit statement (journalPageQuery), so one snapshot.
 */
@Injectable()
export class JournalPageService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The page as JSON text (JournalPageResponse): the students' part comes from PostgreSQL as text and is passed on. */
  async page(actor: Actor, q: JournalPageQuery): Promise<string> {
    const span = pageSpan(q);
    const { text, values } = journalPageQuery(actor, q, span);
    const h = (await preparedQuery<PageRow>(this.db.manager, text, values))[0];
    if (h === undefined) throw notFound('Teaching assignment');
    if ('periodId' in span) {
      if (h.periodId === null) throw notFound('Study period');
      if (h.periodYearId !== h.academicYearId || h.grade < h.gradeFrom! || h.grade > h.gradeTo!) {
        throw validationProblem([{ field: 'periodId', message: "not a study period of the assignment's year and grade" }], 'journal-period-invalid', 'Journal period invalid');
      }
    }
    const from = h.from as string;
    const to = h.to as string;
    const most = Math.max(0, ...h.lessons.map((l) => l.ordinal ?? 0));
    const laid = h.topics === null || most === 0 ? null : layTopics(h.topics, most);
    const assignment: JournalPageResponse['assignment'] = {
      id: h.id, classId: h.classId, className: h.className, subgroupId: h.subgroupId, subgroupName: h.subgroupName,
      subjectId: h.subjectId, subject: h.subject, staffId: h.staffId, teacher: h.teacher,
    };
    const period: JournalPageResponse['period'] = { id: h.periodId, name: h.periodName, from, to };
    const lessons: JournalPageResponse['lessons'] = h.lessons.map(({ ordinal, ...l }) => {
      const t = ordinal === null ? null : (laid?.[ordinal - 1] ?? null);
      return { ...l, plannedTopic: t === null ? null : { position: t.position, title: t.title } };
    });
    const classAverage = classAverageOf(h.averages.map((average) => ({ average })));
    return `{"assignment":${JSON.stringify(assignment)},"period":${JSON.stringify(period)},"lessons":${JSON.stringify(lessons)},"students":${h.students},"classAverage":${JSON.stringify(classAverage)}}`;
  }

}
