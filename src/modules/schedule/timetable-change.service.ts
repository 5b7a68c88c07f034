import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { conflict, fieldProblem, notFound, ProblemError } from '../../common/errors/problem';
import { addDays } from '../school/calendar/working-calendar';
import { schoolToday } from '../school/school-today';
import { ScheduleSources } from '../../common/schedule-sources/schedule-sources';
import {
  ChangeConflict,
  CreateTimetableChangeDto,
  DateRangeQuery,
  SubstitutionLogResponse,
  TimetableChangeListQuery,
  TimetableChangeListResponse,
  TimetableChangeResponse,
} from './dto/timetable-change.dto';
import { NotificationService } from '../messaging/notification.service';
import { TimetableChangeKind } from './entities/timetable-change.entity';
import { CHANGE_ORDER, CHANGE_SELECT, ChangeRow, clashOf, slotOccupants } from './timetable-change-sql';
import { ENTRY_SELECT, lockTimetable } from './timetable-sql';
import { schoolDays } from './timetable-view.service';

/** The fields each kind needs (required) and may have (optional); anything else is refused. */
const SHAPE: Record<TimetableChangeKind, { required: Array<keyof CreateTimetableChangeDto>; optional: Array<keyof CreateTimetableChangeDto> }> = {
  substitution: { required: ['entryId', 'substituteStaffId'], optional: [] },
  room_change: { required: ['entryId', 'roomId'], optional: [] },
  cancellation: { required: ['entryId'], optional: [] },
  move: { required: ['entryId', 'movedToDate', 'movedToLesson'], optional: ['roomId'] },
  extra: { required: ['assignmentId', 'lessonNumber'], optional: ['roomId'] },
};
const KIND_FIELDS: Array<keyof CreateTimetableChangeDto> = ['entryId', 'assignmentId', 'lessonNumber', 'substituteStaffId', 'roomId', 'movedToDate', 'movedToLesson'];
const MAX_RANGE_DAYS = 366;

function changeConflict(code: string, c: ChangeConflict): ProblemError {
  return conflict(
    code,
    `${c.reason} busy on ${c.date}, lesson ${c.lessonNumber}: ${c.className}${c.subgroupName ? `, ${c.subgroupName}` : ''}, ${c.subject}, ${c.teacher}` +
      `${c.room ? `, room ${c.room}` : ''}`,
    { conflict: c },
  );
}

function toResponse(r: ChangeRow): TimetableChangeResponse {
  const { grade: _grade, onDate: _onDate, onLesson: _onLesson, live: _live, ...rest } = r;
  return rest;
}

/** 422 unless from ≤ to and the range is at most 366 days. */
export function assertRange(q: DateRangeQuery): void {
  if (q.to < q.from) throw fieldProblem('date-range-invalid', 'to', 'must not be before from');
  if (addDays(q.from, MAX_RANGE_DAYS - 1) < q.to) throw fieldProblem('date-range-invalid', 'to', `at most ${MAX_RANGE_DAYS} days`);
}

/**
 * Dated changes of the timetable (R-SCH-3, §4.4.9): substitution, room change, cancellation, move, extra lesson.
 * Written under the school's timetable lock (the same as the weekly timetable's), checked against what is actually
 * held at the slot (`slotOccupants`): a substitute or a teacher elsewhere, a room taken, a class busy → 409 with the
 * clashing lesson. A change may be recorded for a past date (the log is filled after the fact), but only one of a
 * date from today on can be deleted. A change of the coming week notifies the class, its guardians and the teachers.
 */
@Injectable()
export class TimetableChangeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationService,
    private readonly sources: ScheduleSources,
  ) {}

  create(actor: Actor, dto: CreateTimetableChangeDto): Promise<TimetableChangeResponse> {
    const shape = SHAPE[dto.kind];
    for (const f of shape.required) {
      if (dto[f] === undefined) throw fieldProblem('timetable-change-invalid', f, `required for a change of kind ${dto.kind}`);
    }
    for (const f of KIND_FIELDS) {
      if (dto[f] !== undefined && !shape.required.includes(f) && !shape.optional.includes(f)) {
        throw fieldProblem('timetable-change-invalid', f, `not allowed for a change of kind ${dto.kind}`);
      }
    }
    return this.db.transaction(async (m) => {
      const school = actor.schoolId;
      await lockTimetable(m, school);
      const from = dto.movedToDate !== undefined && dto.movedToDate < dto.date ? dto.movedToDate : dto.date;
      const to = dto.movedToDate !== undefined && dto.movedToDate > dto.date ? dto.movedToDate : dto.date;
      const dayOf = await schoolDays(m, school, from, to);
      let lesson: { lessonNumber: number; staffId: string; roomId: string | null; classId: string; subgroupId: string | null; grade: number };
      if (dto.kind === TimetableChangeKind.Extra) {
        const [a] = (await m.query(
          `SELECT a.staff_id AS "staffId", a.class_id AS "classId", a.subgroup_id AS "subgroupId", c.grade
             FROM teaching_assignment a JOIN school_class c ON c.id = a.class_id WHERE a.id = $1 AND a.school_id = $2`,
          [dto.assignmentId, school],
        )) as Array<{ staffId: string; classId: string; subgroupId: string | null; grade: number }>;
        if (!a) throw notFound('Teaching assignment');
        if (!dayOf(dto.date, a.grade).schoolDay) throw fieldProblem('not-a-school-day', 'date', 'not a school day for the class');
        lesson = { ...a, lessonNumber: dto.lessonNumber!, roomId: dto.roomId ?? null };
      } else {
        // the weekday whose timetable holds on the date (a moved working day may follow another's)
        const [e] = (await m.query(
          `SELECT x.*, c.grade, timetable_weekday($2, $3::date) AS "dateWeekday"
             FROM (${ENTRY_SELECT} WHERE e.id = $1 AND e.school_id = $2) x JOIN school_class c ON c.id = x."classId"`,
          [dto.entryId, school, dto.date],
        )) as Array<{
          weekday: number;
          dateWeekday: number;
          lessonNumber: number;
          staffId: string;
          roomId: string | null;
          classId: string;
          subgroupId: string | null;
          grade: number;
          validFrom: string;
          validTo: string | null;
        }>;
        if (!e) throw notFound('Timetable entry');
        const validFrom = String(e.validFrom).slice(0, 10);
        const validTo = e.validTo === null ? null : String(e.validTo).slice(0, 10);
        const scheduled =
          e.dateWeekday === e.weekday && validFrom <= dto.date && (validTo === null || validTo > dto.date) && dayOf(dto.date, e.grade).schoolDay;
        if (!scheduled) throw fieldProblem('lesson-not-scheduled', 'date', 'the entry has no lesson on this date (weekday, validity or calendar)');
        const [existing] = (await m.query('SELECT id FROM timetable_change WHERE timetable_entry_id = $1 AND date = $2', [dto.entryId, dto.date])) as Array<{
          id: string;
        }>;
        if (existing) {
          throw conflict('timetable-change-exists', 'this lesson already has a change on this date; delete it first', { changeId: existing.id });
        }
        lesson = { ...e };
      }
      // an extra lesson and a move's target sit at a lesson of the bell schedule, like the weekly timetable's
      const atNumber = dto.kind === TimetableChangeKind.Extra ? { field: 'lessonNumber', n: dto.lessonNumber! } : dto.kind === TimetableChangeKind.Move ? { field: 'movedToLesson', n: dto.movedToLesson! } : null;
      if (atNumber !== null) {
        const bells = (await m.query(
          'SELECT 1 FROM bell b JOIN bell_schedule bs ON bs.id = b.bell_schedule_id WHERE bs.school_id = $1 AND bs.is_default AND b.lesson_number = $2',
          [school, atNumber.n],
        )) as unknown[];
        if (bells.length === 0) throw fieldProblem('lesson-number-invalid', atNumber.field, 'is not a lesson of the default bell schedule');
      }
      if (dto.substituteStaffId !== undefined) await this.assertStaff(m, school, dto.substituteStaffId, lesson.staffId);
      if (dto.roomId !== undefined) await this.assertRoom(m, school, dto.roomId);

      switch (dto.kind) {
        case TimetableChangeKind.Substitution: {
          const c = clashOf(await slotOccupants(m, school, dto.date, lesson.lessonNumber, dayOf), dto.date, lesson.lessonNumber, {
            staffId: dto.substituteStaffId!,
            roomId: null,
            classId: null,
            subgroupId: null,
          });
          if (c) throw changeConflict('substitute-busy', c);
          break;
        }
        case TimetableChangeKind.RoomChange: {
          const occupants = (await slotOccupants(m, school, dto.date, lesson.lessonNumber, dayOf)).filter((o) => o.entryId !== dto.entryId);
          const c = clashOf(occupants, dto.date, lesson.lessonNumber, { staffId: null, roomId: dto.roomId!, classId: null, subgroupId: null });
          if (c) throw changeConflict('room-busy', c);
          break;
        }
        case TimetableChangeKind.Move: {
          const target = { date: dto.movedToDate!, lessonNumber: dto.movedToLesson! };
          if (target.date === dto.date && target.lessonNumber === lesson.lessonNumber) {
            throw fieldProblem('timetable-change-invalid', 'movedToLesson', 'the lesson is already there');
          }
          if (!dayOf(target.date, lesson.grade).schoolDay) throw fieldProblem('not-a-school-day', 'movedToDate', 'not a school day for the class');
          await this.assertFree(m, school, target.date, target.lessonNumber, dayOf, { ...lesson, roomId: dto.roomId ?? lesson.roomId });
          break;
        }
        case TimetableChangeKind.Extra:
          await this.assertFree(m, school, dto.date, lesson.lessonNumber, dayOf, lesson);
          break;
        case TimetableChangeKind.Cancellation:
          break;
      }

      const [{ id }] = (await m.query(
        `INSERT INTO timetable_change (school_id, date, lesson_number, kind, timetable_entry_id, teaching_assignment_id, substitute_staff_id,
                                       room_id, moved_to_date, moved_to_lesson, reason, order_number, created_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [
          school,
          dto.date,
          lesson.lessonNumber,
          dto.kind,
          dto.entryId ?? null,
          dto.assignmentId ?? null,
          dto.substituteStaffId ?? null,
          dto.roomId ?? null,
          dto.movedToDate ?? null,
          dto.movedToLesson ?? null,
          dto.reason.trim(),
          dto.orderNumber?.trim() ?? null,
          actor.userId,
        ],
      )) as Array<{ id: string }>;
      const row = await this.row(m, school, id);
      await this.lessonsChanged(m, school, row);
      await this.notify(m, school, row);
      return toResponse(row);
    });
  }

  async list(actor: Actor, q: TimetableChangeListQuery): Promise<TimetableChangeListResponse> {
    assertRange(q);
    const values: unknown[] = [actor.schoolId, q.from, q.to];
    const where = [`ch.school_id = $1`, `(ch.date BETWEEN $2::date AND $3::date OR ch.moved_to_date BETWEEN $2::date AND $3::date)`];
    if (q.classId !== undefined) where.push(`a.class_id = $${values.push(q.classId)}`);
    if (q.staffId !== undefined) where.push(`$${values.push(q.staffId)} IN (a.staff_id, ch.substitute_staff_id)`);
    const rows: ChangeRow[] = await this.db.manager.query(`${CHANGE_SELECT} WHERE ${where.join(' AND ')} ${CHANGE_ORDER}`, values);
    return { from: q.from, to: q.to, items: rows.map(toResponse) };
  }

  async substitutions(actor: Actor, q: DateRangeQuery): Promise<SubstitutionLogResponse> {
    assertRange(q);
    const rows: ChangeRow[] = await this.db.manager.query(
      `${CHANGE_SELECT} WHERE ch.school_id = $1 AND ch.kind = 'substitution' AND ch.date BETWEEN $2::date AND $3::date ${CHANGE_ORDER}`,
      [actor.schoolId, q.from, q.to],
    );
    return {
      from: q.from,
      to: q.to,
      items: rows.map((r) => ({
        changeId: r.id,
        date: r.date,
        lessonNumber: r.lessonNumber,
        className: r.className,
        subgroupName: r.subgroupName,
        subject: r.subject,
        originalStaffId: r.originalStaffId,
        originalTeacher: r.originalTeacher,
        substituteStaffId: r.staffId,
        substitute: r.teacher,
        reason: r.reason,
        orderNumber: r.orderNumber,
      })),
    };
  }

  async delete(actor: Actor, changeId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await lockTimetable(m, actor.schoolId);
      const row = await this.row(m, actor.schoolId, changeId);
      const today = await schoolToday(m, actor.schoolId);
      const first = row.date < row.onDate ? row.date : row.onDate;
      if (first < today) throw conflict('timetable-change-past', 'a change of a past date stays in the log');
      await m.query('DELETE FROM timetable_change WHERE id = $1 AND school_id = $2', [changeId, actor.schoolId]);
      await this.lessonsChanged(m, actor.schoolId, row);
    });
  }

  /** The dated lessons of the change's class follow it, on its date and at a move's target. */
  private async lessonsChanged(m: EntityManager, schoolId: string, c: ChangeRow): Promise<void> {
    const [from, to] = c.date < c.onDate ? [c.date, c.onDate] : [c.onDate, c.date];
    await this.sources.changed(m, { schoolId, from, to, classIds: [c.classId] });
  }

  /**
   * When the change touches a lesson of the coming week (school-local today … today + 7, the original date or a move
   * target), a notification «Изменение в расписании», in this transaction, for the user accounts of the students of
   * the class or subgroup on the lesson's date, of their guardians, and of the teachers concerned (the assignment's
   * and the substitute).
   */
  private async notify(m: EntityManager, schoolId: string, c: ChangeRow): Promise<void> {
    const today = await schoolToday(m, schoolId);
    const week = addDays(today, 7);
    if (!((c.date >= today && c.date <= week) || (c.onDate >= today && c.onDate <= week))) return;
    const users: Array<{ userId: string }> = await m.query(
      `WITH pupils AS (
         SELECT s.id, s.user_id FROM student s
          WHERE s.school_id = $1
            AND EXISTS (SELECT 1 FROM enrollment en WHERE en.student_id = s.id AND en.class_id = $2
                          AND en.starts_on <= $4::date AND (en.ends_on IS NULL OR en.ends_on > $4::date))
            AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM subgroup_member sm WHERE sm.student_id = s.id AND sm.subgroup_id = $3
                          AND sm.starts_on <= $4::date AND (sm.ends_on IS NULL OR sm.ends_on > $4::date))))
       SELECT user_id AS "userId" FROM pupils
       UNION SELECT g.user_id FROM pupils p JOIN student_guardian sg ON sg.student_id = p.id JOIN guardian g ON g.id = sg.guardian_id
       UNION SELECT st.user_id FROM staff st WHERE st.school_id = $1 AND st.id IN ($5, $6)`,
      [schoolId, c.classId, c.subgroupId, c.date, c.originalStaffId, c.staffId],
    );
    const ru = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
    const what: Record<TimetableChangeKind, string> = {
      substitution: `замена, урок проведёт ${c.teacher}`,
      room_change: `урок пройдёт в кабинете ${c.room ?? '—'}`,
      cancellation: 'урок отменён',
      move: `урок перенесён на ${ru(c.onDate)}, ${c.onLesson}-й урок`,
      extra: `дополнительный урок${c.room ? `, кабинет ${c.room}` : ''}`,
    };
    await this.notifications.record(
      m,
      schoolId,
      users.map((u) => u.userId),
      {
        kind: 'timetable-change',
        title: 'Изменение в расписании',
        body:
          `${ru(c.date)}, ${c.lessonNumber}-й урок, ${c.className}${c.subgroupName ? ` (${c.subgroupName})` : ''}, ${c.subject}: ` +
          `${what[c.kind]}. Причина: ${c.reason}`,
        payload: { changeId: c.id, kind: c.kind, date: c.date, lessonNumber: c.lessonNumber, classId: c.classId, subgroupId: c.subgroupId },
      },
    );
  }

  private async row(m: EntityManager, schoolId: string, id: string): Promise<ChangeRow> {
    const [row] = (await m.query(`${CHANGE_SELECT} WHERE ch.id = $1 AND ch.school_id = $2`, [id, schoolId])) as ChangeRow[];
    if (!row) throw notFound('Timetable change');
    return row;
  }

  private async assertStaff(m: EntityManager, schoolId: string, staffId: string, originalStaffId: string): Promise<void> {
    const rows = await m.query('SELECT 1 FROM staff WHERE id = $1 AND school_id = $2 AND archived_at IS NULL', [staffId, schoolId]);
    if (rows.length === 0) throw fieldProblem('staff-not-found', 'substituteStaffId', 'no such active staff member in the school');
    if (staffId === originalStaffId) throw fieldProblem('timetable-change-invalid', 'substituteStaffId', 'the lesson\'s own teacher');
  }

  private async assertRoom(m: EntityManager, schoolId: string, roomId: string): Promise<void> {
    const rows = await m.query('SELECT 1 FROM room WHERE id = $1 AND school_id = $2 AND archived_at IS NULL', [roomId, schoolId]);
    if (rows.length === 0) throw fieldProblem('room-not-found', 'roomId', 'no such active room in the school');
  }

  /** 409 when the teacher, the room or the class (subgroup) already has a lesson at the slot. */
  private async assertFree(
    m: EntityManager,
    schoolId: string,
    date: string,
    lessonNumber: number,
    dayOf: Parameters<typeof slotOccupants>[4],
    lesson: { staffId: string; roomId: string | null; classId: string; subgroupId: string | null },
  ): Promise<void> {
    const c = clashOf(await slotOccupants(m, schoolId, date, lessonNumber, dayOf), date, lessonNumber, lesson);
    if (c) throw changeConflict(c.reason === 'teacher' ? 'teacher-busy' : c.reason === 'room' ? 'room-busy' : 'class-busy', c);
  }
}
