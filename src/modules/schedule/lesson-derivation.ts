import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ScheduleScope, ScheduleSources } from '../../common/schedule-sources/schedule-sources';
import { applyChanges, datedChanges, LessonFilter, scheduledLessons, schoolDays } from './timetable-view.service';

/** What a derivation did: rows inserted, updated, deleted, and lessons with journal data left as they were. */
export interface DerivationResult {
  inserted: number;
  updated: number;
  deleted: number;
  frozen: number;
}

/** A dated lesson as the sources say it should be. */
interface WantedLesson {
  assignmentId: string;
  date: string;
  lessonNumber: number;
  staffId: string;
  roomId: string | null;
  entryId: string | null;
  changeId: string | null;
  cancelled: boolean;
}

interface ExistingLesson extends WantedLesson {
  id: string;
  frozen: boolean;
}

const keyOf = (l: { assignmentId: string; date: string; lessonNumber: number }): string => `${l.assignmentId}|${l.date}|${l.lessonNumber}`;

const sameLesson = (a: WantedLesson, b: WantedLesson): boolean =>
  a.staffId === b.staffId && a.roomId === b.roomId && a.entryId === b.entryId && a.changeId === b.changeId && a.cancelled === b.cancelled;

/**
 * The dated lessons of [from, to] as the sources say: the weekly timetable's lessons on each date (scheduledLessons),
 * with the dated changes laid over them (applyChanges: a substitute, another room, cancelled, moved, extra), kept on the
 * school days of the class's grade (the calendar: holidays, non-working and moved working days, the 5- or 6-day week).
 * The same pipeline as the timetable views, so the views and the lessons never disagree. One lesson per assignment,
 * date and lesson number: where a move lands on a cancelled slot of the same assignment, the held lesson wins.
 */
export async function wantedLessons(m: EntityManager, scope: ScheduleScope): Promise<WantedLesson[]> {
  const filter: LessonFilter = scope.classIds === undefined ? { kind: 'school' } : { kind: 'classes', ids: scope.classIds };
  const lessons = await scheduledLessons(m, scope.schoolId, filter, scope.from, scope.to);
  const changes = await datedChanges(m, scope.schoolId, filter, scope.from, scope.to);
  const dayOf = await schoolDays(m, scope.schoolId, scope.from, scope.to);
  const byKey = new Map<string, WantedLesson>();
  for (const l of applyChanges(lessons, changes, scope.from, scope.to)) {
    if (!dayOf(l.date, l.grade).schoolDay) continue;
    const wanted: WantedLesson = {
      assignmentId: l.assignmentId,
      date: l.date,
      lessonNumber: l.lessonNumber,
      staffId: l.staffId,
      roomId: l.roomId,
      entryId: l.entryId,
      changeId: l.change?.changeId ?? null,
      cancelled: l.cancelled,
    };
    const key = keyOf(wanted);
    const before = byKey.get(key);
    if (before === undefined || (before.cancelled && !wanted.cancelled)) byKey.set(key, wanted);
  }
  return [...byKey.values()];
}

/**
 * Derives the dated lessons of the scope (R-SCH, «уроки на даты»): inserts the lessons the sources now have, updates
 * those whose teacher, room, change or cancellation differ, deletes those the sources no longer have — except lessons
 * with journal data (conducted_at), which are never touched, whatever their date: a holiday declared over a day that
 * was taught leaves that day's journal as it is. Lessons keep their ids while they exist, so what the journal hangs on
 * them stays. Serialised per school (advisory lock); the writes re-check `conducted_at` under the row lock, so a
 * journal entry written meanwhile is not overwritten. Runs in the caller's transaction.
 */
export async function deriveLessons(m: EntityManager, scope: ScheduleScope): Promise<DerivationResult> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('lessons:' || $1::text, 0))`, [scope.schoolId]);
  const wanted = await wantedLessons(m, scope);
  // driven from the classes' assignments when scoped (the slot index), else the school's dates
  const existing = (await m.query(
    `SELECT l.id, l.teaching_assignment_id AS "assignmentId", to_char(l.date, 'YYYY-MM-DD') AS date, l.lesson_number AS "lessonNumber",
            l.staff_id AS "staffId", l.room_id AS "roomId", l.timetable_entry_id AS "entryId", l.timetable_change_id AS "changeId",
            l.cancelled, l.conducted_at IS NOT NULL AS frozen
       FROM teaching_assignment a JOIN lesson l ON l.teaching_assignment_id = a.id AND l.date BETWEEN $2::date AND $3::date
      WHERE a.school_id = $1 ${scope.classIds === undefined ? '' : 'AND a.class_id = ANY($4::uuid[])'}`,
    scope.classIds === undefined ? [scope.schoolId, scope.from, scope.to] : [scope.schoolId, scope.from, scope.to, scope.classIds],
  )) as ExistingLesson[];
  const have = new Map(existing.map((l) => [keyOf(l), l]));
  const toInsert: WantedLesson[] = [];
  const toUpdate: Array<WantedLesson & { id: string }> = [];
  for (const w of wanted) {
    const e = have.get(keyOf(w));
    if (e === undefined) toInsert.push(w);
    else if (!e.frozen && !sameLesson(e, w)) toUpdate.push({ ...w, id: e.id });
  }
  const wantedKeys = new Set(wanted.map(keyOf));
  const toDelete = existing.filter((e) => !e.frozen && !wantedKeys.has(keyOf(e))).map((e) => e.id);
  const frozen = existing.filter((e) => e.frozen).length;

  const deleted = toDelete.length === 0 ? 0 : await affected(m, `DELETE FROM lesson WHERE id = ANY($1::uuid[]) AND conducted_at IS NULL`, [toDelete]);
  const updated =
    toUpdate.length === 0
      ? 0
      : await affected(
          m,
          `UPDATE lesson l SET staff_id = u.staff_id, room_id = u.room_id, timetable_entry_id = u.entry_id, timetable_change_id = u.change_id,
                  cancelled = u.cancelled, updated_at = now()
             FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::boolean[]) AS u(id, staff_id, room_id, entry_id, change_id, cancelled)
            WHERE l.id = u.id AND l.conducted_at IS NULL`,
          [
            toUpdate.map((l) => l.id),
            toUpdate.map((l) => l.staffId),
            toUpdate.map((l) => l.roomId),
            toUpdate.map((l) => l.entryId),
            toUpdate.map((l) => l.changeId),
            toUpdate.map((l) => l.cancelled),
          ],
        );
  const inserted =
    toInsert.length === 0
      ? 0
      : await affected(
          m,
          `INSERT INTO lesson (school_id, teaching_assignment_id, date, lesson_number, staff_id, room_id, timetable_entry_id, timetable_change_id, cancelled)
           SELECT $1, * FROM unnest($2::uuid[], $3::date[], $4::smallint[], $5::uuid[], $6::uuid[], $7::uuid[], $8::uuid[], $9::boolean[])
           ON CONFLICT (teaching_assignment_id, date, lesson_number) DO NOTHING`,
          [
            scope.schoolId,
            toInsert.map((l) => l.assignmentId),
            toInsert.map((l) => l.date),
            toInsert.map((l) => l.lessonNumber),
            toInsert.map((l) => l.staffId),
            toInsert.map((l) => l.roomId),
            toInsert.map((l) => l.entryId),
            toInsert.map((l) => l.changeId),
            toInsert.map((l) => l.cancelled),
          ],
        );
  return { inserted, updated, deleted, frozen };
}

/** The number of rows a DELETE, UPDATE or INSERT (without RETURNING) touched. */
async function affected(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const [{ n }] = (await m.query(`WITH w AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM w`, params)) as Array<{ n: number }>;
  return n;
}

/** Listens to the schedule sources (timetable, changes, calendar, assignments) and re-derives the lessons they touch. */
@Injectable()
export class LessonDerivation implements OnModuleInit {
  constructor(private readonly sources: ScheduleSources) {}

  onModuleInit(): void {
    this.sources.listen(async (m, scope) => {
      await deriveLessons(m, scope);
    });
  }
}
