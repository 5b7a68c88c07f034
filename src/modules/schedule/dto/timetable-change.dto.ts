import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../../../common/validation/optional';
import { IsIsoDate } from '../../../common/validation/validators';
import { TimetableChangeKind } from '../entities/timetable-change.entity';

/**
 * A dated change. By kind:
 * - substitution: entryId, substituteStaffId;
 * - room_change: entryId, roomId;
 * - cancellation: entryId;
 * - move: entryId, movedToDate, movedToLesson, optionally roomId (else the lesson's room);
 * - extra: assignmentId, lessonNumber, optionally roomId.
 * Fields another kind needs are refused (422 `timetable-change-invalid`).
 */
export class CreateTimetableChangeDto {
  @ApiProperty({ enum: TimetableChangeKind, enumName: 'TimetableChangeKind' })
  @IsEnum(TimetableChangeKind)
  kind!: TimetableChangeKind;

  /** The date of the lesson changed (of the extra lesson). @example 2026-09-15 */
  @IsIsoDate()
  date!: string;

  /** The weekly timetable entry whose lesson on `date` is changed (all kinds but extra). */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  entryId?: string;

  /** The teaching assignment of an extra lesson. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  assignmentId?: string;

  /** The lesson number of an extra lesson. @example 7 */
  @ApiPropertyOptional({ minimum: 0, maximum: 20 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(20)
  lessonNumber?: number;

  /** The substitute teacher (staff record) of a substitution. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  substituteStaffId?: string;

  /** The room of a room change (required), of a move or an extra lesson (optional). */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  roomId?: string;

  /** Where a moved lesson goes: the date… @example 2026-09-17 */
  @ApiPropertyOptional({ format: 'date' })
  @Optional()
  @IsIsoDate()
  movedToDate?: string;

  /** …and the lesson number. @example 6 */
  @ApiPropertyOptional({ minimum: 0, maximum: 20 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(20)
  movedToLesson?: number;

  /** Why (required). @example 'Болезнь учителя' */
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(500)
  reason!: string;

  /** Номер приказа; optional, the order is often signed later. @example '45-к' */
  @ApiPropertyOptional({ maxLength: 50 })
  @Optional()
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(50)
  orderNumber?: string;
}

/** A period of dates, both inclusive, at most 366 days. */
export class DateRangeQuery {
  /** @example 2026-09-01 */
  @IsIsoDate()
  from!: string;

  /** inclusive @example 2026-09-30 */
  @IsIsoDate()
  to!: string;
}

export class TimetableChangeListQuery extends DateRangeQuery {
  /** Only the changes of this class's lessons (its subgroups' included). */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  classId?: string;

  /** Only the changes of lessons this teacher gives or gave up (the original or the substitute teacher). */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  staffId?: string;
}

/** A dated change with the lesson it concerns. */
export class TimetableChangeResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: TimetableChangeKind, enumName: 'TimetableChangeKind' })
  kind!: TimetableChangeKind;

  @ApiProperty({ format: 'date' })
  date!: string;

  lessonNumber!: number;

  /** The weekly timetable entry changed; null for an extra lesson. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  entryId!: string | null;

  @ApiProperty({ format: 'uuid' })
  assignmentId!: string;

  @ApiProperty({ format: 'uuid' })
  classId!: string;

  /** @example '5А' */
  className!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  subgroupId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  subgroupName!: string | null;

  @ApiProperty({ format: 'uuid' })
  subjectId!: string;

  subject!: string;

  /** The assignment's teacher. */
  @ApiProperty({ format: 'uuid' })
  originalStaffId!: string;

  originalTeacher!: string;

  /** Who gives the lesson: the substitute for a substitution, else the assignment's teacher. */
  @ApiProperty({ format: 'uuid' })
  staffId!: string;

  teacher!: string;

  /** The scheduled room (null for an extra lesson or no room). */
  @ApiProperty({ type: String, nullable: true })
  originalRoom!: string | null;

  /** The room the lesson is held in after the change. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  roomId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  room!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  movedToDate!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  movedToLesson!: number | null;

  reason!: string;

  @ApiProperty({ type: String, nullable: true })
  orderNumber!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: Date;
}

export class TimetableChangeListResponse {
  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  /** By date, lesson number, class. */
  @ApiProperty({ type: [TimetableChangeResponse] })
  items!: TimetableChangeResponse[];
}

/** One line of the substitution log (журнал замещения уроков). */
export class SubstitutionLogItem {
  @ApiProperty({ format: 'uuid' })
  changeId!: string;

  @ApiProperty({ format: 'date' })
  date!: string;

  lessonNumber!: number;

  /** @example '5А' */
  className!: string;

  @ApiProperty({ type: String, nullable: true })
  subgroupName!: string | null;

  subject!: string;

  /** Who was replaced. */
  @ApiProperty({ format: 'uuid' })
  originalStaffId!: string;

  originalTeacher!: string;

  /** Who replaced them. */
  @ApiProperty({ format: 'uuid' })
  substituteStaffId!: string;

  substitute!: string;

  reason!: string;

  @ApiProperty({ type: String, nullable: true })
  orderNumber!: string | null;
}

export class SubstitutionLogResponse {
  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  /** By date, lesson number, class. */
  @ApiProperty({ type: [SubstitutionLogItem] })
  items!: SubstitutionLogItem[];
}

/** A lesson that a change would clash with (in the 409 problem body, `conflict`). */
export class ChangeConflict {
  /** teacher: the (substitute) teacher is busy; room: the room is taken; class: the class or subgroup has a lesson then */
  @ApiProperty({ enum: ['teacher', 'room', 'class'] })
  reason!: 'teacher' | 'room' | 'class';

  @ApiProperty({ format: 'date' })
  date!: string;

  lessonNumber!: number;

  /** The weekly timetable entry of the clashing lesson; null when it is an extra lesson. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  entryId!: string | null;

  /** The dated change that put the clashing lesson there; null for a plain scheduled lesson. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  changeId!: string | null;

  className!: string;

  @ApiProperty({ type: String, nullable: true })
  subgroupName!: string | null;

  subject!: string;

  teacher!: string;

  @ApiProperty({ type: String, nullable: true })
  room!: string | null;
}
