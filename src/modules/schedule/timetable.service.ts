import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { conflict, FieldError, notFound, ProblemError, validationProblem } from '../../common/errors/problem';
import { addDays } from '../school/calendar/working-calendar';
import { schoolToday } from '../school/school-today';
import { ScheduleSources } from '../../common/schedule-sources/schedule-sources';
import {
  ClassWeekEntryDto,
  CopyClassWeekDto,
  CreateTimetableEntryDto,
  ReplaceClassWeekDto,
  TimetableConflict,
  TimetableEntryResponse,
  TimetableQuery,
  TimetableResponse,
  UpdateTimetableEntryDto,
} from './dto/timetable.dto';
import { TimetableEntry } from './entities/timetable-entry.entity';
import { ENTRY_ORDER, ENTRY_SELECT, findConflicts, lockTimetable } from './timetable-sql';

interface Year {
  id: string;
  startsOn: string;
  endsOn: string;
}

interface SchoolClassRow {
  id: string;
  academicYearId: string;
  grade: number;
  name: string;
}

/** An entry ready to be written: its slot, assignment, room and validity [validFrom, validTo). */
interface EntryRow {
  id: string;
  weekday: number;
  lessonNumber: number;
  assignmentId: string;
  roomId: string | null;
  validFrom: string;
  validTo: string | null;
}

/** The school's week has 5 days unless a week pattern says 6 (as the calendar assumes). */
const DEFAULT_DAYS_PER_WEEK = 5;

export function timetableConflict(conflicts: TimetableConflict[]): ProblemError {
  const first = conflicts[0];
  return conflict(
    'timetable-conflict',
    `${conflicts.length} conflict(s); first: ${first.reason} at weekday ${first.weekday}, lesson ${first.lessonNumber} ` +
      `(${first.className}${first.subgroupName ? `, ${first.subgroupName}` : ''}, ${first.subject}, ${first.teacher}${first.room ? `, room ${first.room}` : ''})`,
    { conflicts },
  );
}

/** One problem for many field errors: their common code, or `timetable-entry-invalid` when they differ. */
function entriesProblem(errors: Array<FieldError & { code: string }>): ProblemError {
  const codes = new Set(errors.map((e) => e.code));
  return validationProblem(
    errors.map(({ field, message }) => ({ field, message })),
    codes.size === 1 ? errors[0].code : 'timetable-entry-invalid',
  );
}

/**
 * The weekly timetable (R-SCH-2): entries weekday × lesson number × teaching assignment × room, valid over
 * [validFrom, validTo). Every write takes the school's timetable lock, writes, then looks for conflicts in SQL among
 * everything the school has at those slots; a conflict throws 409 and the transaction writes nothing.
 * Extension point for dated lessons and changes (another module): entries valid on a date are
 * `ENTRY_SELECT … WHERE valid_from <= d AND (valid_to IS NULL OR valid_to > d)`, and a write of this service closes
 * and opens entries, never rewrites validity before the date it is given.
 */
@Injectable()
export class TimetableService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: ScheduleSources,
  ) {}

  /** A teaching assignment's new teacher, class or subgroup must not clash with the timetable: its entries are checked again. */
  onModuleInit(): void {
    this.sources.listen(async (m, scope) => {
      if (scope.assignmentIds === undefined || scope.assignmentIds.length === 0) return;
      const entries = (await m.query('SELECT id FROM timetable_entry WHERE school_id = $1 AND teaching_assignment_id = ANY($2::uuid[]) ORDER BY id', [
        scope.schoolId,
        scope.assignmentIds,
      ])) as Array<{ id: string }>;
      await this.assertNoConflicts(
        m,
        scope.schoolId,
        entries.map((e) => e.id),
      );
    });
  }

  async list(actor: Actor, yearId: string, q: TimetableQuery): Promise<TimetableResponse> {
    const m = this.db.manager;
    await this.year(m, actor.schoolId, yearId);
    const on = q.on ?? (await schoolToday(m, actor.schoolId));
    const values: unknown[] = [actor.schoolId, yearId, on];
    const where = [`e.school_id = $1`, `e.academic_year_id = $2`, `e.valid_from <= $3::date`, `(e.valid_to IS NULL OR e.valid_to > $3::date)`];
    if (q.classId !== undefined) where.push(`a.class_id = $${values.push(q.classId)}`);
    if (q.staffId !== undefined) where.push(`a.staff_id = $${values.push(q.staffId)}`);
    if (q.roomId !== undefined) where.push(`e.room_id = $${values.push(q.roomId)}`);
    const items: TimetableEntryResponse[] = await m.query(`${ENTRY_SELECT} WHERE ${where.join(' AND ')} ${ENTRY_ORDER}`, values);
    return { on, items };
  }

  async get(actor: Actor, entryId: string): Promise<TimetableEntryResponse> {
    return this.entry(this.db.manager, actor.schoolId, entryId);
  }

  create(actor: Actor, yearId: string, dto: CreateTimetableEntryDto): Promise<TimetableEntryResponse> {
    return this.db.transaction(async (m) => {
      await lockTimetable(m, actor.schoolId);
      const year = await this.year(m, actor.schoolId, yearId);
      const validTo = dto.validTo ?? null;
      this.assertValidity(year, dto.validFrom, validTo);
      await this.assertEntries(m, actor.schoolId, year.id, [dto], null, '');
      const row: EntryRow = { id: randomUUID(), ...this.slot(dto), validFrom: dto.validFrom, validTo };
      await this.insert(m, actor.schoolId, year.id, [row]);
      await this.assertNoConflicts(m, actor.schoolId, [row.id]);
      const entry = await this.entry(m, actor.schoolId, row.id);
      await this.lessonsChanged(m, actor.schoolId, year, [entry]);
      return entry;
    });
  }

  update(actor: Actor, entryId: string, dto: UpdateTimetableEntryDto): Promise<TimetableEntryResponse> {
    return this.db.transaction(async (m) => {
      await lockTimetable(m, actor.schoolId);
      const current = await this.entry(m, actor.schoolId, entryId);
      const year = await this.year(m, actor.schoolId, current.academicYearId);
      const next = {
        weekday: dto.weekday ?? current.weekday,
        lessonNumber: dto.lessonNumber ?? current.lessonNumber,
        assignmentId: dto.assignmentId ?? current.assignmentId,
        roomId: dto.roomId === undefined ? current.roomId : dto.roomId,
        validFrom: dto.validFrom ?? current.validFrom,
        validTo: dto.validTo === undefined ? current.validTo : dto.validTo,
      };
      this.assertValidity(year, next.validFrom, next.validTo);
      // an unchanged room may have been archived since: it stays; a newly named one must be active
      await this.assertEntries(m, actor.schoolId, year.id, [next], null, '', next.roomId === current.roomId ? current.roomId : null);
      await m.query(
        `UPDATE timetable_entry SET weekday = $3, lesson_number = $4, teaching_assignment_id = $5, room_id = $6, valid_from = $7, valid_to = $8,
                updated_at = now()
          WHERE id = $1 AND school_id = $2`,
        [entryId, actor.schoolId, next.weekday, next.lessonNumber, next.assignmentId, next.roomId, next.validFrom, next.validTo],
      );
      await this.assertNoConflicts(m, actor.schoolId, [entryId]);
      const entry = await this.entry(m, actor.schoolId, entryId);
      await this.lessonsChanged(m, actor.schoolId, year, [current, entry]);
      return entry;
    });
  }

  async delete(actor: Actor, entryId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await lockTimetable(m, actor.schoolId);
      const current = await this.entry(m, actor.schoolId, entryId);
      await this.assertNoDatedChanges(m, actor.schoolId, [entryId]);
      await m
        .createQueryBuilder()
        .delete()
        .from(TimetableEntry)
        .where('id = :id AND school_id = :school', { id: entryId, school: actor.schoolId })
        .execute();
      await this.lessonsChanged(m, actor.schoolId, await this.year(m, actor.schoolId, current.academicYearId), [current]);
    });
  }

  replaceClassWeek(actor: Actor, classId: string, dto: ReplaceClassWeekDto): Promise<TimetableResponse> {
    return this.db.transaction(async (m) => {
      await lockTimetable(m, actor.schoolId);
      const cls = await this.schoolClass(m, actor.schoolId, classId);
      return this.writeWeek(m, actor.schoolId, cls, dto.validFrom, dto.validTo ?? null, dto.entries, 'entries');
    });
  }

  copyClassWeek(actor: Actor, classId: string, dto: CopyClassWeekDto): Promise<TimetableResponse> {
    return this.db.transaction(async (m) => {
      await lockTimetable(m, actor.schoolId);
      const cls = await this.schoolClass(m, actor.schoolId, classId);
      if (dto.fromClassId === undefined && dto.fromDate === undefined) {
        throw validationProblem([{ field: 'fromClassId', message: 'name the class (fromClassId) or the date (fromDate) to copy from' }], 'copy-source-missing');
      }
      const fromDate = dto.fromDate ?? dto.validFrom;
      let source = cls;
      if (dto.fromClassId !== undefined && dto.fromClassId !== cls.id) {
        const rows = await this.classes(m, actor.schoolId, [dto.fromClassId]);
        if (rows.length === 0) throw validationProblem([{ field: 'fromClassId', message: 'is not a class of this school' }], 'class-invalid');
        source = rows[0];
        if (source.grade !== cls.grade || source.academicYearId !== cls.academicYearId) {
          throw validationProblem(
            [{ field: 'fromClassId', message: `${source.name} is not a class of grade ${cls.grade} of the same academic year` }],
            'class-not-parallel',
          );
        }
      }
      const week: Array<{ weekday: number; lessonNumber: number; assignmentId: string; roomId: string | null; subjectId: string; subject: string; subgroupName: string | null }> =
        await m.query(
          `SELECT e.weekday, e.lesson_number AS "lessonNumber", e.teaching_assignment_id AS "assignmentId", e.room_id AS "roomId",
                  a.subject_id AS "subjectId", sj.name AS subject, g.name AS "subgroupName"
             FROM timetable_entry e
             JOIN teaching_assignment a ON a.id = e.teaching_assignment_id
             JOIN subject sj ON sj.id = a.subject_id
             LEFT JOIN subgroup g ON g.id = a.subgroup_id
            WHERE e.school_id = $1 AND a.class_id = $2 AND e.valid_from <= $3::date AND (e.valid_to IS NULL OR e.valid_to > $3::date)
            ORDER BY e.weekday, e.lesson_number, e.id`,
          [actor.schoolId, source.id, fromDate],
        );
      let entries: ClassWeekEntryDto[];
      if (source.id === cls.id) {
        entries = week.map((w) => ({ weekday: w.weekday, lessonNumber: w.lessonNumber, assignmentId: w.assignmentId, roomId: w.roomId }));
      } else {
        entries = await this.mapToClass(m, actor.schoolId, cls, week);
      }
      return this.writeWeek(m, actor.schoolId, cls, dto.validFrom, dto.validTo ?? null, entries, 'fromClassId');
    });
  }

  /**
   * A parallel class's week onto this class: each lesson goes to this class's assignment of the same subject and the
   * same subgroup name (or its only assignment of that subject); rooms are left empty. 422 `subject-not-assigned`
   * naming every subject this class has no assignment for.
   */
  private async mapToClass(
    m: EntityManager,
    schoolId: string,
    cls: SchoolClassRow,
    week: Array<{ weekday: number; lessonNumber: number; subjectId: string; subject: string; subgroupName: string | null }>,
  ): Promise<ClassWeekEntryDto[]> {
    const own: Array<{ id: string; subjectId: string; subgroupName: string | null }> = await m.query(
      `SELECT a.id, a.subject_id AS "subjectId", g.name AS "subgroupName"
         FROM teaching_assignment a LEFT JOIN subgroup g ON g.id = a.subgroup_id
        WHERE a.school_id = $1 AND a.class_id = $2`,
      [schoolId, cls.id],
    );
    const missing = new Set<string>();
    const entries: ClassWeekEntryDto[] = [];
    for (const w of week) {
      const ofSubject = own.filter((a) => a.subjectId === w.subjectId);
      const match = ofSubject.find((a) => a.subgroupName === w.subgroupName) ?? (ofSubject.length === 1 ? ofSubject[0] : undefined);
      if (!match) {
        missing.add(w.subgroupName ? `«${w.subject}» (${w.subgroupName})` : `«${w.subject}»`);
        continue;
      }
      entries.push({ weekday: w.weekday, lessonNumber: w.lessonNumber, assignmentId: match.id, roomId: null });
    }
    if (missing.size > 0) {
      const list = [...missing].join(', ');
      throw validationProblem(
        [{ field: 'fromClassId', message: `${cls.name} has no teaching assignment for ${list}` }],
        'subject-not-assigned',
      );
    }
    return entries;
  }

  /**
   * Replaces the class's week over [validFrom, validTo): the class's entries (and its subgroups') overlapping that
   * window lose it — an entry that began before validFrom ends there (and, when the window is bounded, resumes at
   * validTo), one that lies inside is removed, one that runs past validTo starts there — and the new ones are
   * written; then everything new is checked at once.
   */
  private async writeWeek(
    m: EntityManager,
    schoolId: string,
    cls: SchoolClassRow,
    validFrom: string,
    validTo: string | null,
    entries: ClassWeekEntryDto[],
    field: string,
  ): Promise<TimetableResponse> {
    const year = await this.year(m, schoolId, cls.academicYearId);
    this.assertValidity(year, validFrom, validTo);
    await this.assertEntries(m, schoolId, year.id, entries, cls, field === 'entries' ? 'entries' : null);
    const of = `teaching_assignment_id IN (SELECT id FROM teaching_assignment WHERE class_id = $2)
                AND school_id = $1 AND daterange(valid_from, valid_to) && daterange($3::date, $4::date)`;
    const params = [schoolId, cls.id, validFrom, validTo];
    // inside the window: removed (refused while dated changes act on their lessons)
    const inside = (await m.query(
      `SELECT id FROM timetable_entry WHERE ${of} AND valid_from >= $3::date AND ($4::date IS NULL OR (valid_to IS NOT NULL AND valid_to <= $4::date))`,
      params,
    )) as Array<{ id: string }>;
    await this.assertNoDatedChanges(
      m,
      schoolId,
      inside.map((e) => e.id),
    );
    await m.query(
      `DELETE FROM timetable_entry WHERE ${of} AND valid_from >= $3::date AND ($4::date IS NULL OR (valid_to IS NOT NULL AND valid_to <= $4::date))`,
      params,
    );
    // starting inside, running past the end: starts at the end
    await m.query(
      `UPDATE timetable_entry SET valid_from = $4::date, updated_at = now() WHERE ${of} AND valid_from >= $3::date AND $4::date IS NOT NULL`,
      params,
    );
    // began before, runs past the end of a bounded window: the part after it goes on
    await m.query(
      `INSERT INTO timetable_entry (school_id, academic_year_id, weekday, lesson_number, teaching_assignment_id, room_id, valid_from, valid_to)
       SELECT school_id, academic_year_id, weekday, lesson_number, teaching_assignment_id, room_id, $4::date, valid_to
         FROM timetable_entry
        WHERE ${of} AND valid_from < $3::date AND $4::date IS NOT NULL AND (valid_to IS NULL OR valid_to > $4::date)`,
      params,
    );
    // began before: ends at validFrom (its past stays as it was)
    await m.query(`UPDATE timetable_entry SET valid_to = $3::date, updated_at = now() WHERE ${of} AND valid_from < $3::date`, params);
    const rows: EntryRow[] = entries.map((e) => ({ id: randomUUID(), ...this.slot(e), validFrom, validTo }));
    await this.insert(m, schoolId, year.id, rows);
    await this.assertNoConflicts(m, schoolId, rows.map((r) => r.id));
    await this.sources.changed(m, { schoolId, from: validFrom, to: validTo === null ? year.endsOn : addDays(validTo, -1), classIds: [cls.id] });
    const items: TimetableEntryResponse[] = await m.query(
      `${ENTRY_SELECT} WHERE e.school_id = $1 AND a.class_id = $2 AND e.valid_from <= $3::date AND (e.valid_to IS NULL OR e.valid_to > $3::date) ${ENTRY_ORDER}`,
      [schoolId, cls.id, validFrom],
    );
    return { on: validFrom, items };
  }

  private slot(e: ClassWeekEntryDto): Pick<EntryRow, 'weekday' | 'lessonNumber' | 'assignmentId' | 'roomId'> {
    return { weekday: e.weekday, lessonNumber: e.lessonNumber, assignmentId: e.assignmentId, roomId: e.roomId ?? null };
  }

  private async insert(m: EntityManager, schoolId: string, yearId: string, rows: EntryRow[]): Promise<void> {
    if (rows.length === 0) return;
    await m.query(
      `INSERT INTO timetable_entry (id, school_id, academic_year_id, weekday, lesson_number, teaching_assignment_id, room_id, valid_from, valid_to)
       SELECT id, $1, $2, weekday, lesson_number, assignment_id, room_id, valid_from, valid_to
         FROM unnest($3::uuid[], $4::smallint[], $5::smallint[], $6::uuid[], $7::uuid[], $8::date[], $9::date[])
              AS t(id, weekday, lesson_number, assignment_id, room_id, valid_from, valid_to)`,
      [
        schoolId,
        yearId,
        rows.map((r) => r.id),
        rows.map((r) => r.weekday),
        rows.map((r) => r.lessonNumber),
        rows.map((r) => r.assignmentId),
        rows.map((r) => r.roomId),
        rows.map((r) => r.validFrom),
        rows.map((r) => r.validTo),
      ],
    );
  }

  private async assertNoConflicts(m: EntityManager, schoolId: string, ids: string[]): Promise<void> {
    const conflicts = await findConflicts(m, schoolId, ids);
    if (conflicts.length > 0) throw timetableConflict(conflicts);
  }

  /** [validFrom, validTo) inside the academic year: validFrom on one of its days, validTo at most the day after it ends. */
  private assertValidity(year: Year, validFrom: string, validTo: string | null): void {
    if (validFrom < year.startsOn || validFrom > year.endsOn) {
      throw validationProblem([{ field: 'validFrom', message: `must be within the academic year ${year.startsOn} … ${year.endsOn}` }], 'date-outside-year');
    }
    if (validTo !== null && (validTo <= validFrom || validTo > addDays(year.endsOn, 1))) {
      throw validationProblem(
        [{ field: 'validTo', message: `must be after validFrom and at most ${addDays(year.endsOn, 1)} (the day after the year ends; exclusive)` }],
        'date-outside-year',
      );
    }
  }

  /**
   * Each entry: its assignment belongs to the year (and to `cls` when given: `assignment-not-of-class`), its room is an
   * active room of the school (`room-invalid`; `keepRoomId` may be an archived room the entry already had), its lesson
   * number is a bell of the default bell schedule (`lesson-number-invalid`), its weekday a working weekday of the
   * class's grade (`weekday-not-working`). All failures in one 422, fields named `entries[i].x` (or `x` when `prefix`
   * is empty or null).
   */
  private async assertEntries(
    m: EntityManager,
    schoolId: string,
    yearId: string,
    entries: ClassWeekEntryDto[],
    cls: SchoolClassRow | null,
    prefix: string | null,
    keepRoomId: string | null = null,
  ): Promise<void> {
    if (entries.length === 0) return;
    // one round trip: the assignments of the year among those named, the active rooms among those named, the default
    // bell schedule's lesson numbers, the year's week patterns
    const [facts] = (await m.query(
      `SELECT
         (SELECT coalesce(json_agg(json_build_object('id', a.id, 'classId', a.class_id, 'grade', c.grade)), '[]')
            FROM teaching_assignment a JOIN school_class c ON c.id = a.class_id
           WHERE a.school_id = $1 AND a.academic_year_id = $2 AND a.id = ANY($3::uuid[])) AS assignments,
         (SELECT coalesce(json_agg(r.id), '[]') FROM room r
           WHERE r.school_id = $1 AND r.id = ANY($4::uuid[]) AND (r.archived_at IS NULL OR r.id = $5::uuid)) AS rooms,
         (SELECT coalesce(json_agg(b.lesson_number), '[]') FROM bell b JOIN bell_schedule s ON s.id = b.bell_schedule_id
           WHERE s.school_id = $1 AND s.is_default) AS bells,
         (SELECT coalesce(json_agg(json_build_object('gradeFrom', w.grade_from, 'gradeTo', w.grade_to, 'days', w.days_per_week)), '[]')
            FROM week_pattern w WHERE w.school_id = $1 AND w.academic_year_id = $2) AS patterns`,
      [
        schoolId,
        yearId,
        [...new Set(entries.map((e) => e.assignmentId))],
        [...new Set(entries.map((e) => e.roomId).filter((r): r is string => !!r))],
        keepRoomId,
      ],
    )) as Array<{
      assignments: Array<{ id: string; classId: string; grade: number }>;
      rooms: string[];
      bells: number[];
      patterns: Array<{ gradeFrom: number; gradeTo: number; days: number }>;
    }>;
    const assignments = new Map(facts.assignments.map((a) => [a.id, a]));
    const rooms = new Set(facts.rooms);
    const bells = new Set(facts.bells);
    const patterns = facts.patterns;
    const daysOf = (grade: number) => patterns.find((p) => p.gradeFrom <= grade && grade <= p.gradeTo)?.days ?? DEFAULT_DAYS_PER_WEEK;
    const errors: Array<FieldError & { code: string }> = [];
    const f = (i: number, name: string) => (prefix ? `${prefix}[${i}].${name}` : name);
    entries.forEach((e, i) => {
      const a = assignments.get(e.assignmentId);
      if (!a) errors.push({ field: f(i, 'assignmentId'), message: 'is not a teaching assignment of this academic year', code: 'assignment-invalid' });
      else if (cls && a.classId !== cls.id) {
        errors.push({ field: f(i, 'assignmentId'), message: `is not an assignment of ${cls.name} or its subgroups`, code: 'assignment-not-of-class' });
      }
      if (e.roomId && !rooms.has(e.roomId)) errors.push({ field: f(i, 'roomId'), message: 'is not an active room of the school', code: 'room-invalid' });
      if (!bells.has(e.lessonNumber)) {
        errors.push({ field: f(i, 'lessonNumber'), message: 'is not a lesson of the default bell schedule', code: 'lesson-number-invalid' });
      }
      const grade = a?.grade ?? cls?.grade;
      if (grade !== undefined && e.weekday > daysOf(grade)) {
        errors.push({ field: f(i, 'weekday'), message: `grade ${grade} has a ${daysOf(grade)}-day week`, code: 'weekday-not-working' });
      }
    });
    if (errors.length > 0) throw entriesProblem(errors);
  }

  /**
   * 409 `timetable-changes-exist` when dated changes (substitutions, moves…) act on lessons of entries a write would
   * remove, with those changes: the deputy decides (deletes them, or lets the new week start after them), rather than
   * the substitution log losing them or the write failing on a bare reference.
   */
  private async assertNoDatedChanges(m: EntityManager, schoolId: string, entryIds: string[]): Promise<void> {
    if (entryIds.length === 0) return;
    const changes = (await m.query(
      `SELECT id AS "changeId", to_char(date, 'YYYY-MM-DD') AS date, lesson_number AS "lessonNumber", kind
         FROM timetable_change WHERE school_id = $1 AND timetable_entry_id = ANY($2::uuid[]) ORDER BY date, lesson_number, id`,
      [schoolId, entryIds],
    )) as Array<{ changeId: string; date: string; lessonNumber: number; kind: string }>;
    if (changes.length > 0) {
      throw conflict(
        'timetable-changes-exist',
        `${changes.length} dated change(s) act on lessons of the entries this write removes (first: ${changes[0].kind} on ${changes[0].date}); delete them first`,
        { changes },
      );
    }
  }

  /**
   * The dated lessons follow the entries: re-derived over the entries' validity (before and after the write) for
   * their classes.
   */
  private async lessonsChanged(
    m: EntityManager,
    schoolId: string,
    year: Year,
    entries: Array<Pick<TimetableEntryResponse, 'classId' | 'validFrom' | 'validTo'>>,
  ): Promise<void> {
    const from = entries.map((e) => e.validFrom).reduce((a, b) => (a < b ? a : b));
    const to = entries.map((e) => (e.validTo === null ? year.endsOn : addDays(e.validTo, -1))).reduce((a, b) => (a > b ? a : b));
    await this.sources.changed(m, { schoolId, from, to, classIds: [...new Set(entries.map((e) => e.classId))] });
  }

  private async year(m: EntityManager, schoolId: string, yearId: string): Promise<Year> {
    const [year] = (await m.query(`SELECT id, starts_on AS "startsOn", ends_on AS "endsOn" FROM academic_year WHERE id = $1 AND school_id = $2`, [
      yearId,
      schoolId,
    ])) as Year[];
    if (!year) throw notFound('Academic year');
    return year;
  }

  private classes(m: EntityManager, schoolId: string, ids: string[]): Promise<SchoolClassRow[]> {
    return m.query(
      `SELECT id, academic_year_id AS "academicYearId", grade, grade::text || letter AS name FROM school_class WHERE school_id = $1 AND id = ANY($2::uuid[])`,
      [schoolId, ids],
    );
  }

  private async schoolClass(m: EntityManager, schoolId: string, classId: string): Promise<SchoolClassRow> {
    const [cls] = await this.classes(m, schoolId, [classId]);
    if (!cls) throw notFound('Class');
    return cls;
  }

  private async entry(m: EntityManager, schoolId: string, entryId: string): Promise<TimetableEntryResponse> {
    const [entry] = (await m.query(`${ENTRY_SELECT} WHERE e.id = $1 AND e.school_id = $2`, [entryId, schoolId])) as TimetableEntryResponse[];
    if (!entry) throw notFound('Timetable entry');
    return entry;
  }
}
