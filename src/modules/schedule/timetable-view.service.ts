import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { STAFF_ROLES } from '../../common/access/role';
import { notFound, validationProblem } from '../../common/errors/problem';
import { assertClassInReach, assertStaffTimetableInReach, assertStudentInReach } from '../contingent/reach/reach';
import { addDays, weekday } from '../school/calendar/working-calendar';
import { YearCalendars, yearCalendars } from '../school/calendar/year-calendars';
import { TimetableDayView, TimetableLessonChange, TimetableLessonView, TimetableViewQuery, TimetableViewResponse } from './dto/timetable-view.dto';
import { ENTRY_SELECT } from './timetable-sql';
import { CHANGE_SELECT, ChangeRow } from './timetable-change-sql';
import { TimetableChangeKind } from './entities/timetable-change.entity';

/** Whose timetable: one class, teacher, room or student, optionally one subject. */
export interface TimetableViewFilter {
  kind: 'class' | 'staff' | 'room' | 'student';
  id: string;
  subjectId?: string;
}

/**
 * Whose lessons: a view's filter, or, for the derivation of dated lessons, a whole school or some of its classes
 * (changes of those classes' lessons, wherever they are moved).
 */
export type LessonFilter = TimetableViewFilter | { kind: 'school'; subjectId?: undefined } | { kind: 'classes'; ids: string[]; subjectId?: undefined };

/** A lesson of the weekly timetable placed on a date, with its class's grade (for the grade's calendar). */
export interface ScheduledLesson extends TimetableLessonView {
  date: string;
  grade: number;
}

/** Whether a date is a school day for a grade, and why it is out of the ordinary. */
export interface SchoolDayOf {
  (date: string, grade: number): { schoolDay: boolean; reason: string | null };
}

const ALL_GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];


/** The filter of a view query: exactly one of classId, staffId, roomId, studentId (422 `timetable-filter-invalid`). */
export function viewFilter(q: TimetableViewQuery): TimetableViewFilter {
  const given = (['classId', 'staffId', 'roomId', 'studentId'] as const).filter((k) => q[k] !== undefined);
  if (given.length !== 1) {
    throw validationProblem(
      [{ field: given[1] ?? 'classId', message: 'name exactly one of classId, staffId, roomId, studentId' }],
      'timetable-filter-invalid',
    );
  }
  const key = given[0];
  const kind = ({ classId: 'class', staffId: 'staff', roomId: 'room', studentId: 'student' } as const)[key];
  return { kind, id: q[key]!, subjectId: q.subjectId };
}

/** The Monday of the ISO week containing `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekday(date));
}

/**
 * The lessons of the weekly timetable on each date of [from, to] for the filter: the entries valid on the date at its
 * weekday, with the bell times of the school's default bell schedule. For a student: the whole-class lessons of the
 * class they are enrolled in on that date and the lessons of the subgroups they are a member of on that date.
 * The calendar is not applied here (see `composeDays`); dated changes overlay this list (`datedChanges`, `applyChanges`).
 */
export async function scheduledLessons(
  m: EntityManager,
  schoolId: string,
  filter: LessonFilter,
  from: string,
  to: string,
): Promise<ScheduledLesson[]> {
  const values: unknown[] = [schoolId, from, to];
  // the entries that meet [from, to] (filtered by class, teacher, room, subject), then placed on the dates of their
  // weekday within their validity; a student's lessons depend on the date (enrolment, subgroup membership)
  const entry = [`e.school_id = $1`, `e.valid_from <= $3::date`, `(e.valid_to IS NULL OR e.valid_to > $2::date)`];
  const onDate: string[] = [];
  if (filter.kind === 'classes') entry.push(`a.class_id = ANY($${values.push(filter.ids)}::uuid[])`);
  if (filter.kind === 'class') entry.push(`a.class_id = $${values.push(filter.id)}`);
  if (filter.kind === 'staff') entry.push(`a.staff_id = $${values.push(filter.id)}`);
  if (filter.kind === 'room') entry.push(`e.room_id = $${values.push(filter.id)}`);
  if (filter.kind === 'student') {
    const student = `$${values.push(filter.id)}`;
    onDate.push(
      `EXISTS (SELECT 1 FROM enrollment en WHERE en.student_id = ${student} AND en.class_id = x."classId"
                  AND en.starts_on <= d.on AND (en.ends_on IS NULL OR en.ends_on > d.on))`,
      `(x."subgroupId" IS NULL OR EXISTS (SELECT 1 FROM subgroup_member sm WHERE sm.subgroup_id = x."subgroupId" AND sm.student_id = ${student}
                  AND sm.starts_on <= d.on AND (sm.ends_on IS NULL OR sm.ends_on > d.on)))`,
    );
  }
  if (filter.subjectId !== undefined) entry.push(`a.subject_id = $${values.push(filter.subjectId)}`);
  return m.query(
    `WITH x AS MATERIALIZED (${ENTRY_SELECT} WHERE ${entry.join(' AND ')}),
          d AS (SELECT $2::date + i AS on, timetable_weekday($1, $2::date + i) AS wd FROM generate_series(0, $3::date - $2::date) AS i)
     SELECT to_char(d.on, 'YYYY-MM-DD') AS date, x."lessonNumber", to_char(b.starts_at, 'HH24:MI') AS "startsAt",
            to_char(b.ends_at, 'HH24:MI') AS "endsAt", x."subjectId", x.subject, x."staffId", x.teacher, x."roomId", x.room,
            x."classId", x."className", x."subgroupId", x."subgroupName", x."assignmentId", x.id AS "entryId", false AS cancelled,
            NULL::json AS change, gc.grade
       FROM d
       JOIN x ON x.weekday = d.wd AND x."validFrom" <= d.on AND (x."validTo" IS NULL OR x."validTo" > d.on)
       JOIN school_class gc ON gc.id = x."classId"
       LEFT JOIN bell_schedule bs ON bs.school_id = $1 AND bs.is_default
       LEFT JOIN bell b ON b.bell_schedule_id = bs.id AND b.lesson_number = x."lessonNumber"
      ${onDate.length === 0 ? '' : `WHERE ${onDate.join(' AND ')}`}
      ORDER BY d.on, x."lessonNumber", gc.grade, gc.letter COLLATE "ru-RU-x-icu", x."subgroupName" COLLATE "ru-RU-x-icu" NULLS FIRST,
               x.subject COLLATE "ru-RU-x-icu", x.id`,
    values,
  );
}

/** A dated change of [from, to] (by its date or its move target) and whether its effective lesson is the filter's. */
export interface DatedChange extends ChangeRow {
  matches: boolean;
  startsAt: string | null;
  endsAt: string | null;
}

/**
 * The school's dated changes whose date or move target lies in [from, to], each with `matches`: whether the lesson
 * as changed (the substitute, the new room, the target date and lesson) belongs to the filter's view.
 */
export async function datedChanges(
  m: EntityManager,
  schoolId: string,
  filter: LessonFilter,
  from: string,
  to: string,
): Promise<DatedChange[]> {
  const values: unknown[] = [schoolId, from, to];
  const id = (): string => `$${values.push(filter.kind === 'school' ? null : filter.kind === 'classes' ? filter.ids : filter.id)}`;
  let match: string;
  switch (filter.kind) {
    case 'school':
      match = 'true';
      break;
    case 'classes':
      match = `x."classId" = ANY(${id()}::uuid[])`;
      break;
    case 'class':
      match = `x."classId" = ${id()}`;
      break;
    case 'staff':
      match = `x."staffId" = ${id()}`;
      break;
    case 'room':
      match = `x."roomId" = ${id()}`;
      break;
    case 'student': {
      const student = id();
      match = `EXISTS (SELECT 1 FROM enrollment en WHERE en.student_id = ${student} AND en.class_id = x."classId"
                        AND en.starts_on <= x."onDate"::date AND (en.ends_on IS NULL OR en.ends_on > x."onDate"::date))
              AND (x."subgroupId" IS NULL OR EXISTS (SELECT 1 FROM subgroup_member sm WHERE sm.subgroup_id = x."subgroupId" AND sm.student_id = ${student}
                        AND sm.starts_on <= x."onDate"::date AND (sm.ends_on IS NULL OR sm.ends_on > x."onDate"::date)))`;
      break;
    }
  }
  const subject = filter.subjectId === undefined ? '' : ` AND x."subjectId" = $${values.push(filter.subjectId)}`;
  return m.query(
    `SELECT x.*, (${match}${subject}) AS matches, to_char(b.starts_at, 'HH24:MI') AS "startsAt", to_char(b.ends_at, 'HH24:MI') AS "endsAt"
       FROM (${CHANGE_SELECT}
              WHERE ch.school_id = $1 AND (ch.date BETWEEN $2::date AND $3::date OR ch.moved_to_date BETWEEN $2::date AND $3::date)) x
       LEFT JOIN bell_schedule bs ON bs.school_id = $1 AND bs.is_default
       LEFT JOIN bell b ON b.bell_schedule_id = bs.id AND b.lesson_number = x."onLesson"`,
    values,
  );
}

export function changeView(c: ChangeRow): TimetableLessonChange {
  return {
    changeId: c.id,
    kind: c.kind,
    reason: c.reason,
    orderNumber: c.orderNumber,
    originalTeacher: c.originalTeacher,
    originalRoom: c.originalRoom,
    date: c.date,
    lessonNumber: c.lessonNumber,
    movedToDate: c.movedToDate,
    movedToLesson: c.movedToLesson,
  };
}

/**
 * Dated changes laid over the scheduled lessons of [from, to] (sorted by date, then lesson number):
 * - a substituted lesson shows the substitute (`teacher`, `staffId`), a room change the new room;
 * - a cancelled lesson, and a moved one at its original slot, stay with `cancelled: true`;
 * - a moved lesson appears at its target date and lesson, an extra lesson at its own, when they belong to the view;
 *   so does a substituted lesson in the substitute's view and a lesson moved to a room in the room's view;
 * every changed lesson carries `change` (kind, reason, order number, the original teacher and room).
 */
export function applyChanges(lessons: ScheduledLesson[], changes: DatedChange[], from: string, to: string): ScheduledLesson[] {
  const byEntryDate = new Map(changes.filter((c) => c.entryId !== null).map((c) => [`${c.entryId}|${c.date}`, c]));
  const shown = new Set<string>();
  const out = lessons.map((l): ScheduledLesson => {
    const c = byEntryDate.get(`${l.entryId}|${l.date}`);
    if (!c) return l;
    shown.add(c.id);
    const change = changeView(c);
    if (c.kind === TimetableChangeKind.Substitution) return { ...l, staffId: c.staffId, teacher: c.teacher, change };
    if (c.kind === TimetableChangeKind.RoomChange) return { ...l, roomId: c.roomId, room: c.room, change };
    return { ...l, cancelled: true, change };
  });
  for (const c of changes) {
    if (!c.live || !c.matches || c.kind === TimetableChangeKind.Cancellation || c.onDate < from || c.onDate > to) continue;
    if ((c.kind === TimetableChangeKind.Substitution || c.kind === TimetableChangeKind.RoomChange) && shown.has(c.id)) continue;
    out.push({
      date: c.onDate,
      grade: c.grade,
      lessonNumber: c.onLesson,
      startsAt: c.startsAt,
      endsAt: c.endsAt,
      subjectId: c.subjectId,
      subject: c.subject,
      staffId: c.staffId,
      teacher: c.teacher,
      roomId: c.roomId,
      room: c.room,
      classId: c.classId,
      className: c.className,
      subgroupId: c.subgroupId,
      subgroupName: c.subgroupName,
      assignmentId: c.assignmentId,
      entryId: c.entryId,
      cancelled: false,
      change: changeView(c),
    });
  }
  // stable: the scheduled order within a slot stays, the changed-in lessons follow it
  return out
    .map((l, i) => ({ l, i }))
    .sort((a, b) => (a.l.date < b.l.date ? -1 : a.l.date > b.l.date ? 1 : a.l.lessonNumber - b.l.lessonNumber || a.i - b.i))
    .map((x) => x.l);
}

/**
 * The school-day rule of the calendar module (WorkingCalendar: the year, the grade band's holidays, non-working and
 * moved working days, the 5- or 6-day week) for every grade, over the academic years that meet [from, to]; the reason
 * as the calendar view gives it. One query.
 */
export async function schoolDays(m: EntityManager, schoolId: string, from: string, to: string): Promise<SchoolDayOf> {
  return schoolDayRule(await yearCalendars(m, schoolId, from, to));
}

/** The school-day rule (as schoolDays) over calendars already read. */
export function schoolDayRule(calendars: YearCalendars): SchoolDayOf {
  return (date, grade) => {
    const y = calendars.yearOf(date);
    if (!y) return { schoolDay: false, reason: 'Вне учебного года' };
    const { calendar, daysPerWeek } = calendars.of(y, grade);
    const holiday = y.holidays.find((h) => h.gradeFrom <= grade && grade <= h.gradeTo && h.startsOn <= date && date <= h.endsOn);
    const exception = y.days.find((d) => d.date === date);
    return {
      schoolDay: calendar.isWorkingDay(date),
      reason: holiday?.name ?? exception?.reason ?? (weekday(date) > daysPerWeek ? 'Выходной день' : null),
    };
  };
}

/**
 * The days of [from, to] with their lessons: a day that is not a school day for the lesson's grade drops the lesson.
 * `gradeOn(date)` is the grade whose calendar decides the day (a class's, a student's class on that date); null: not
 * enrolled (no school day); undefined: a teacher's or a room's view — a school day when it is one for any grade, with
 * the reason of such a grade.
 * Dated changes are applied to `lessons` before this (`applyChanges`).
 */
export function composeDays(
  from: string,
  to: string,
  lessons: ScheduledLesson[],
  dayOf: SchoolDayOf,
  gradeOn: (date: string) => number | null | undefined,
): TimetableDayView[] {
  const days: TimetableDayView[] = [];
  let k = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const grade = gradeOn(date);
    let schoolDay: boolean;
    let reason: string | null;
    if (grade === null) {
      schoolDay = false;
      reason = 'Не зачислен в класс';
    } else if (grade === undefined) {
      const all = ALL_GRADES.map((g) => dayOf(date, g));
      schoolDay = all.some((d) => d.schoolDay);
      reason = all.find((d) => d.schoolDay === schoolDay && d.reason !== null)?.reason ?? null;
    } else {
      ({ schoolDay, reason } = dayOf(date, grade));
    }
    const out: TimetableLessonView[] = [];
    for (; k < lessons.length && lessons[k].date === date; k++) {
      const { date: _date, grade: lessonGrade, ...lesson } = lessons[k];
      if (dayOf(date, lessonGrade).schoolDay) out.push(lesson);
    }
    days.push({ date, weekday: weekday(date), schoolDay, reason, lessons: schoolDay ? out : [] });
  }
  return days;
}

/** A strong ETag of a response body: the SHA-256 of its JSON. */
export function etagOf(body: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url')}"`;
}

/** Whether an If-None-Match header matches the ETag (weak comparison, `*` matches anything). */
export function noneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const tags = (Array.isArray(header) ? header.join(',') : header).split(',').map((s) => s.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(etag);
}

/**
 * Timetable views (R-SCH-4): a class's, a teacher's, a room's or a student's lessons for a day or a Monday–Sunday week,
 * computed from the weekly timetable, the default bell schedule and the grade's calendar. Reach: a class as
 * `classInReach` for the staff roles; a teacher's own timetable as `staffTimetableInReach`; a room for every staff
 * role; a student as `studentInReach` (a parent: their children; a student: themself). Out of reach: 404.
 */
@Injectable()
export class TimetableViewService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  week(actor: Actor, q: TimetableViewQuery): Promise<TimetableViewResponse> {
    const from = mondayOf(q.date);
    return this.view(actor, q, from, addDays(from, 6));
  }

  day(actor: Actor, q: TimetableViewQuery): Promise<TimetableViewResponse> {
    return this.view(actor, q, q.date, q.date);
  }

  private async view(actor: Actor, q: TimetableViewQuery, from: string, to: string): Promise<TimetableViewResponse> {
    const filter = viewFilter(q);
    const m = this.db.manager;
    const gradeOn = await this.reachAndGrade(m, actor, filter, from, to);
    const [lessons, changes, dayOf] = await Promise.all([
      scheduledLessons(m, actor.schoolId, filter, from, to),
      datedChanges(m, actor.schoolId, filter, from, to),
      schoolDays(m, actor.schoolId, from, to),
    ]);
    return { from, to, days: composeDays(from, to, applyChanges(lessons, changes, from, to), dayOf, gradeOn) };
  }

  /** 404 when the filter's record is out of the actor's reach; the grade whose calendar decides each day. */
  private async reachAndGrade(
    m: EntityManager,
    actor: Actor,
    filter: TimetableViewFilter,
    from: string,
    to: string,
  ): Promise<(date: string) => number | null | undefined> {
    const staffOnly: Actor = { ...actor, roles: actor.roles.filter((r) => STAFF_ROLES.includes(r)) };
    switch (filter.kind) {
      case 'class': {
        await assertClassInReach(m, staffOnly, filter.id);
        const [c] = (await m.query('SELECT grade FROM school_class WHERE id = $1 AND school_id = $2', [filter.id, actor.schoolId])) as Array<{ grade: number }>;
        if (!c) throw notFound('Class');
        return () => c.grade;
      }
      case 'staff':
        await assertStaffTimetableInReach(m, actor, filter.id);
        return () => undefined;
      case 'room': {
        const rows = staffOnly.roles.length === 0 ? [] : await m.query('SELECT 1 FROM room WHERE id = $1 AND school_id = $2', [filter.id, actor.schoolId]);
        if (rows.length === 0) throw notFound('Room');
        return () => undefined;
      }
      case 'student': {
        await assertStudentInReach(m, actor, filter.id);
        const rows: Array<{ date: string; grade: number | null }> = await m.query(
          `SELECT to_char($2::date + d.i, 'YYYY-MM-DD') AS date,
                  (SELECT c.grade FROM enrollment en JOIN school_class c ON c.id = en.class_id
                    WHERE en.student_id = $1 AND en.starts_on <= $2::date + d.i AND (en.ends_on IS NULL OR en.ends_on > $2::date + d.i)
                    ORDER BY en.starts_on DESC LIMIT 1) AS grade
             FROM generate_series(0, $3::date - $2::date) AS d(i)`,
          [filter.id, from, to],
        );
        const byDate = new Map(rows.map((r) => [r.date, r.grade]));
        return (date) => byDate.get(date) ?? null;
      }
    }
  }
}
