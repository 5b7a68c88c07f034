import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Optional } from '../../../common/validation/optional';
import { IsIsoDate } from '../../../common/validation/validators';

/**
 * Whose timetable, on which day (or the Monday–Sunday week containing it): exactly one of classId, staffId, roomId,
 * studentId (422 `timetable-filter-invalid` otherwise); subjectId narrows it to one subject.
 */
export class TimetableViewQuery {
  /** A day; the week view shows the Monday–Sunday week containing it. @example 2026-09-07 */
  @IsIsoDate()
  date!: string;

  /** A class: its whole-class lessons and every subgroup's. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  classId?: string;

  /** A teacher (staff record): the lessons they teach. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  staffId?: string;

  /** A room: the lessons held there. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  roomId?: string;

  /** A student: their class's whole-class lessons and the lessons of the subgroups they are a member of that day. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  studentId?: string;

  /** Only the lessons of this subject. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  subjectId?: string;
}

/** How a dated change altered a lesson (R-SCH-3). */
export class TimetableLessonChange {
  @ApiProperty({ format: 'uuid' })
  changeId!: string;

  /** substitution, room_change, cancellation, move (on the original slot: the lesson left; on the target: it came), extra */
  @ApiProperty({ enum: ['substitution', 'room_change', 'cancellation', 'move', 'extra'] })
  kind!: string;

  /** @example 'Болезнь учителя' */
  reason!: string;

  /** Номер приказа, when known. */
  @ApiProperty({ type: String, nullable: true })
  orderNumber!: string | null;

  /** The assignment's own teacher (for a substitution: the one replaced). */
  originalTeacher!: string;

  /** The scheduled room (before a room change). */
  @ApiProperty({ type: String, nullable: true })
  originalRoom!: string | null;

  /** A moved lesson: its original date and lesson number. */
  @ApiProperty({ type: String, format: 'date' })
  date!: string;

  lessonNumber!: number;

  /** A moved lesson: where it went. */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  movedToDate!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  movedToLesson!: number | null;
}

/** One lesson of a day: the bell times of the school's default bell schedule and who, what, where. */
export class TimetableLessonView {
  /** @example 1 */
  lessonNumber!: number;

  /** 'HH:MM'; null when the bell schedule has no such lesson number. @example '08:30' */
  @ApiProperty({ type: String, nullable: true })
  startsAt!: string | null;

  /** 'HH:MM'; null when the bell schedule has no such lesson number. @example '09:15' */
  @ApiProperty({ type: String, nullable: true })
  endsAt!: string | null;

  @ApiProperty({ format: 'uuid' })
  subjectId!: string;

  /** @example 'Математика' */
  subject!: string;

  @ApiProperty({ format: 'uuid' })
  staffId!: string;

  /** The teacher's full name. @example 'Иванова Мария Петровна' */
  teacher!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  roomId!: string | null;

  /** The room's number; null: no room. @example '21' */
  @ApiProperty({ type: String, nullable: true })
  room!: string | null;

  @ApiProperty({ format: 'uuid' })
  classId!: string;

  /** @example '5А' */
  className!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  subgroupId!: string | null;

  /** The subgroup's name; null: the whole class. @example '1 группа' */
  @ApiProperty({ type: String, nullable: true })
  subgroupName!: string | null;

  /** The teaching assignment the lesson belongs to. */
  @ApiProperty({ format: 'uuid' })
  assignmentId!: string;

  /** The weekly timetable entry the lesson comes from; null for an extra lesson. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  entryId!: string | null;

  /** Not held: cancelled, or moved elsewhere (kept in the view with this flag). */
  cancelled!: boolean;

  /** The dated change that altered the lesson; null: as the weekly timetable says. */
  @ApiProperty({ type: TimetableLessonChange, nullable: true })
  change!: TimetableLessonChange | null;
}

/** One day of a timetable view. */
export class TimetableDayView {
  /** @example 2026-09-07 */
  @ApiProperty({ format: 'date' })
  date!: string;

  /** ISO weekday, 1 Monday … 7 Sunday. @example 1 */
  weekday!: number;

  /**
   * A school day (учебный день) for the class or the student (its grade's holidays, non-working calendar days,
   * moved working days, the week pattern); for a teacher or a room: a school day for at least one grade.
   * A day that is not one has no lessons.
   */
  schoolDay!: boolean;

  /** Why the day is out of the ordinary (a holiday, a non-working or moved working day, a day off); null otherwise. @example 'Осенние каникулы' */
  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  /** The day's lessons by lesson number (subgroups of one slot by name). */
  @ApiProperty({ type: [TimetableLessonView] })
  lessons!: TimetableLessonView[];
}

/** A timetable view: a day or a Monday–Sunday week. */
export class TimetableViewResponse {
  /** The first day shown. */
  @ApiProperty({ format: 'date' })
  from!: string;

  /** The last day shown (inclusive). */
  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty({ type: [TimetableDayView] })
  days!: TimetableDayView[];
}
