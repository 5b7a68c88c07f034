import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { STAFF_ROLES } from '../../common/access/role';
import { fieldProblem, notFound, validationProblem } from '../../common/errors/problem';
import {
  assertAssignmentInReach,
  assertClassInReach,
  assertStaffTimetableInReach,
  assignmentInReach,
  classInReach,
  positionalParams,
  staffTimetableInReach,
} from '../contingent/reach/reach';
import { CHANGE_SELECT, ChangeRow } from '../schedule/timetable-change-sql';
import { changeView } from '../schedule/timetable-view.service';
import { addDays } from '../school/calendar/working-calendar';
import { schoolToday } from '../school/school-today';
import { AssignmentCoverage, CoverageQuery, CoverageResponse, DatedLessonListResponse, DatedLessonResponse, LessonListQuery } from './dto/lesson.dto';
import { approvedTopics } from './approved-topics';
import { coverageOf, LaidTopic, layTopics } from './lesson-topics';

const MAX_RANGE_DAYS = 366;

/** A dated lesson with the names it shows (DatedLessonResponse before its change and topic are filled in). */
const LESSON_SELECT = `
  SELECT l.id, to_char(l.date, 'YYYY-MM-DD') AS date, l.lesson_number AS "lessonNumber",
         to_char(b.starts_at, 'HH24:MI') AS "startsAt", to_char(b.ends_at, 'HH24:MI') AS "endsAt",
         a.subject_id AS "subjectId", sj.name AS subject, l.staff_id AS "staffId", concat_ws(' ', st.surname, st.name, st.patronymic) AS teacher,
         l.room_id AS "roomId", r.number AS room, a.class_id AS "classId", c.grade::text || c.letter AS "className",
         a.subgroup_id AS "subgroupId", g.name AS "subgroupName", a.id AS "assignmentId", l.timetable_entry_id AS "entryId",
         l.cancelled, l.conducted_at IS NOT NULL AS conducted, l.timetable_change_id AS "changeId"
    FROM lesson l
    JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
    JOIN school_class c ON c.id = a.class_id
    JOIN subject sj ON sj.id = a.subject_id
    JOIN staff st ON st.id = l.staff_id
    LEFT JOIN subgroup g ON g.id = a.subgroup_id
    LEFT JOIN room r ON r.id = l.room_id
    LEFT JOIN bell_schedule bs ON bs.school_id = l.school_id AND bs.is_default
    LEFT JOIN bell b ON b.bell_schedule_id = bs.id AND b.lesson_number = l.lesson_number`;

const LESSON_ORDER = `ORDER BY l.date, l.lesson_number, c.grade, c.letter COLLATE "ru-RU-x-icu", g.name COLLATE "ru-RU-x-icu" NULLS FIRST,
  sj.name COLLATE "ru-RU-x-icu", l.id`;

type LessonRow = Omit<DatedLessonResponse, 'change' | 'plannedTopic'> & { changeId: string | null };

/** The actor with their staff roles only: a class's or a teacher's lessons are staff business. */
const staffOnly = (actor: Actor): Actor => ({ ...actor, roles: actor.roles.filter((r) => STAFF_ROLES.includes(r)) });

/**
 * Dated lessons (R-SCH «уроки на даты») and the coverage of the thematic plans (R-PLN-3, §4.6.6): reads the lesson
 * table (derived by the schedule module), lays the approved plans' topics onto the held lessons in order, and counts
 * what is due against what the journal records as given.
 */
@Injectable()
export class LessonService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: Actor, q: LessonListQuery): Promise<DatedLessonListResponse> {
    const given = (['classId', 'assignmentId', 'staffId'] as const).filter((k) => q[k] !== undefined);
    if (given.length !== 1) {
      throw validationProblem([{ field: given[1] ?? 'classId', message: 'name exactly one of classId, assignmentId, staffId' }], 'lesson-filter-invalid');
    }
    if (q.to < q.from) throw fieldProblem('date-range-invalid', 'to', 'must not be before from');
    if (addDays(q.from, MAX_RANGE_DAYS - 1) < q.to) throw fieldProblem('date-range-invalid', 'to', `at most ${MAX_RANGE_DAYS} days`);
    const m = this.db.manager;
    const values: unknown[] = [actor.schoolId, q.from, q.to];
    const where = ['l.school_id = $1', 'l.date BETWEEN $2::date AND $3::date'];
    if (q.classId !== undefined) {
      await assertClassInReach(m, staffOnly(actor), q.classId);
      where.push(`a.class_id = $${values.push(q.classId)}`);
    } else if (q.assignmentId !== undefined) {
      await assertAssignmentInReach(m, actor, q.assignmentId, 'read');
      where.push(`a.id = $${values.push(q.assignmentId)}`);
    } else {
      await assertStaffTimetableInReach(m, actor, q.staffId!);
      where.push(`l.staff_id = $${values.push(q.staffId)}`);
    }
    if (q.subjectId !== undefined) where.push(`a.subject_id = $${values.push(q.subjectId)}`);
    const rows = (await m.query(`${LESSON_SELECT} WHERE ${where.join(' AND ')} ${LESSON_ORDER}`, values)) as LessonRow[];
    return { items: await this.complete(m, rows) };
  }

  /**
   * One lesson: within reach when its class is (staff roles), its assignment is, or the actor gives it (a substitute).
   */
  async get(actor: Actor, lessonId: string): Promise<DatedLessonResponse> {
    const p = positionalParams([lessonId, actor.schoolId]);
    const reach = [classInReach(staffOnly(actor), 'a.class_id', p.bind), assignmentInReach(actor, 'a.id', p.bind, 'read'), staffTimetableInReach(actor, 'l.staff_id', p.bind)];
    const rows = (await this.db.manager.query(`${LESSON_SELECT} WHERE l.id = $1 AND l.school_id = $2 AND (${reach.join(' OR ')})`, p.values)) as LessonRow[];
    if (rows.length === 0) throw notFound('Lesson');
    return (await this.complete(this.db.manager, rows))[0];
  }

  /**
   * Coverage of the year's assignments on a date (default: the school's today): per assignment, the held lessons of
   * the year and up to the date, the approved plan's lessons due by then, the lessons given, the lag (отставание), and
   * the topics due and reached. A teacher sees their own assignments; the deputy, the director and the admin all.
   */
  async coverage(actor: Actor, yearId: string, q: CoverageQuery): Promise<CoverageResponse> {
    const m = this.db.manager;
    const years = (await m.query('SELECT 1 FROM academic_year WHERE id = $1 AND school_id = $2', [yearId, actor.schoolId])) as unknown[];
    if (years.length === 0) throw notFound('Academic year');
    const on = q.on ?? (await schoolToday(m, actor.schoolId));
    const p = positionalParams([actor.schoolId, yearId, on]);
    const where = ['a.school_id = $1', 'a.academic_year_id = $2', assignmentInReach(actor, 'a.id', p.bind, 'read')];
    if (q.classId !== undefined) where.push(`a.class_id = ${p.bind(q.classId)}`);
    if (q.staffId !== undefined) where.push(`a.staff_id = ${p.bind(q.staffId)}`);
    if (q.assignmentId !== undefined) where.push(`a.id = ${p.bind(q.assignmentId)}`);
    const rows = (await m.query(
      `SELECT a.id AS "assignmentId", a.class_id AS "classId", c.grade::text || c.letter AS "className", g.name AS "subgroupName",
              a.subject_id AS "subjectId", sj.name AS subject, a.staff_id AS "staffId", concat_ws(' ', st.surname, st.name, st.patronymic) AS teacher,
              tp.status AS "planStatus", (SELECT sum(t.hours)::float FROM plan_topic t WHERE t.plan_id = tp.id) AS "planHours",
              coalesce(n."lessonsInYear", 0) AS "lessonsInYear", coalesce(n."lessonsToDate", 0) AS "lessonsToDate",
              coalesce(n."conductedToDate", 0) AS "conductedToDate"
         FROM teaching_assignment a
         JOIN school_class c ON c.id = a.class_id
         JOIN subject sj ON sj.id = a.subject_id
         JOIN staff st ON st.id = a.staff_id
         LEFT JOIN subgroup g ON g.id = a.subgroup_id
         LEFT JOIN thematic_plan tp ON tp.teaching_assignment_id = a.id
         LEFT JOIN LATERAL (
           SELECT count(*) FILTER (WHERE NOT l.cancelled)::int AS "lessonsInYear",
                  count(*) FILTER (WHERE NOT l.cancelled AND l.date <= $3::date)::int AS "lessonsToDate",
                  count(*) FILTER (WHERE NOT l.cancelled AND l.date <= $3::date AND l.conducted_at IS NOT NULL)::int AS "conductedToDate"
             FROM lesson l WHERE l.teaching_assignment_id = a.id) n ON true
        WHERE ${where.join(' AND ')}
        ORDER BY c.grade, c.letter COLLATE "ru-RU-x-icu", sj.name COLLATE "ru-RU-x-icu", g.name COLLATE "ru-RU-x-icu" NULLS FIRST, a.id`,
      p.values,
    )) as Array<Omit<AssignmentCoverage, 'plannedToDate' | 'lag' | 'lessonsSpare' | 'dueTopic' | 'reachedTopic'>>;
    const topics = await approvedTopics(
      m,
      rows.filter((r) => r.planStatus === 'approved').map((r) => r.assignmentId),
    );
    const items: AssignmentCoverage[] = rows.map((r) => {
      const c = coverageOf(topics.get(r.assignmentId) ?? null, r);
      const topic = (t: LaidTopic | null) => (t === null ? null : { position: t.position, title: t.title });
      return { ...r, plannedToDate: c.plannedToDate, lag: c.lag, lessonsSpare: c.lessonsSpare, dueTopic: topic(c.dueTopic), reachedTopic: topic(c.reachedTopic) };
    });
    return {
      on,
      summary: {
        assignments: items.length,
        withApprovedPlan: items.filter((i) => i.planStatus === 'approved').length,
        behind: items.filter((i) => i.lag > 0).length,
        short: items.filter((i) => i.lessonsSpare !== null && i.lessonsSpare < 0).length,
      },
      items,
    };
  }

  /** Fills in each lesson's change (as the timetable views show it) and the approved plan's topic laid on it. */
  private async complete(m: EntityManager, rows: LessonRow[]): Promise<DatedLessonResponse[]> {
    if (rows.length === 0) return [];
    const changeIds = [...new Set(rows.map((r) => r.changeId).filter((id): id is string => id !== null))];
    const changes = new Map(
      changeIds.length === 0
        ? []
        : ((await m.query(`${CHANGE_SELECT} WHERE ch.id = ANY($1::uuid[])`, [changeIds])) as ChangeRow[]).map((c) => [c.id, changeView(c)]),
    );
    const assignmentIds = [...new Set(rows.map((r) => r.assignmentId))];
    const topics = await approvedTopics(m, assignmentIds);
    // the ordinal of each held lesson among its assignment's held lessons (the whole year: the assignment's)
    const ordinals = new Map(
      topics.size === 0
        ? []
        : ((await m.query(
            `SELECT id, n FROM (
               SELECT l.id, row_number() OVER (PARTITION BY l.teaching_assignment_id ORDER BY l.date, l.lesson_number)::int AS n
                 FROM lesson l WHERE l.teaching_assignment_id = ANY($1::uuid[]) AND NOT l.cancelled) x
              WHERE id = ANY($2::uuid[])`,
            [[...topics.keys()], rows.filter((r) => !r.cancelled).map((r) => r.id)],
          )) as Array<{ id: string; n: number }>).map((o) => [o.id, o.n]),
    );
    const layouts = new Map<string, Array<LaidTopic | null>>();
    for (const [assignmentId, plan] of topics) {
      const most = Math.max(0, ...rows.filter((r) => r.assignmentId === assignmentId).map((r) => ordinals.get(r.id) ?? 0));
      layouts.set(assignmentId, layTopics(plan, most));
    }
    return rows.map(({ changeId, ...r }) => {
      const n = ordinals.get(r.id);
      const laid = n === undefined ? null : (layouts.get(r.assignmentId)?.[n - 1] ?? null);
      return {
        ...r,
        change: changeId === null ? null : (changes.get(changeId) ?? null),
        plannedTopic: laid === null ? null : { position: laid.position, title: laid.title, kind: laid.kind, hours: laid.hours },
      };
    });
  }
}
