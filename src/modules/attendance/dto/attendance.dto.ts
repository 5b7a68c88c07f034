import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { Optional } from '../../../common/validation/optional';
import { IsIsoDate } from '../../../common/validation/validators';

export const ABSENCE_CODES = ['Н', 'У', 'Б', 'О'] as const;

/** The week (Monday to Sunday) that contains `weekOf`. */
export class AttendanceWeekQuery {
  /** Any day of the week. @example 2026-11-18 */
  @IsIsoDate()
  weekOf!: string;
}

export class VerifyAttendanceWeekDto {
  /** Any day of the week to mark verified. @example 2026-11-16 */
  @IsIsoDate()
  weekOf!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

/**
 * The class teacher's change of a student's attendance at a conducted lesson: the new code (null: present), a note
 * (e.g. the certificate), and why (required; kept in the history).
 */
export class ChangeAttendanceDto {
  /** Н (absent), У (excused), Б (ill), О (late), or null: present. */
  @ApiProperty({ type: String, enum: ABSENCE_CODES, nullable: true })
  @ValidateIf((_: object, v: unknown) => v !== null)
  @IsIn(ABSENCE_CODES, { context: { code: 'absence-code-invalid' } })
  code!: string | null;

  /** e.g. «справка от 17.11.2026» */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(500)
  note?: string | null;

  /** Why the record changes. @example 'Справка из поликлиники' */
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

/** A span of dates: a study period, or from and to (exactly one of the two). */
export class MissedLessonsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  periodId?: string;

  /** @example 2026-09-01 */
  @Optional()
  @IsIsoDate()
  from?: string;

  /** inclusive @example 2026-10-23 */
  @Optional()
  @IsIsoDate()
  to?: string;
}

export class AttendanceHistoryQuery {
  /** Lessons from this date. @example 2026-09-01 */
  @Optional()
  @IsIsoDate()
  from?: string;

  /** Lessons up to this date (inclusive). @example 2026-11-30 */
  @Optional()
  @IsIsoDate()
  to?: string;
}

export class WeekAbsence {
  @ApiProperty({ format: 'uuid' })
  studentId!: string;

  /** Surname Name Patronymic */
  student!: string;

  @ApiProperty({ enum: ABSENCE_CODES })
  code!: string;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;
}

export class WeekLesson {
  @ApiProperty({ format: 'uuid' })
  lessonId!: string;

  lessonNumber!: number;

  @ApiProperty({ format: 'uuid' })
  assignmentId!: string;

  subject!: string;

  @ApiProperty({ format: 'uuid', nullable: true })
  subgroupId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  subgroupName!: string | null;

  conducted!: boolean;

  cancelled!: boolean;

  /** The absences recorded, in Russian order of the students. */
  @ApiProperty({ type: [WeekAbsence] })
  absences!: WeekAbsence[];
}

export class WeekDay {
  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty({ type: [WeekLesson] })
  lessons!: WeekLesson[];
}

export class WeekVerification {
  @ApiProperty({ format: 'uuid', nullable: true })
  verifiedByUserId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  verifiedBy!: string | null;

  @ApiProperty({ format: 'date-time' })
  verifiedAt!: string;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;
}

/** A class's week of attendance (§4.3.7): per day its lessons (the whole class's and the subgroups') with the absences. */
export class AttendanceWeekResponse {
  @ApiProperty({ format: 'uuid' })
  classId!: string;

  className!: string;

  /** Monday */
  @ApiProperty({ format: 'date' })
  weekStartsOn!: string;

  /** Sunday */
  @ApiProperty({ format: 'date' })
  weekEndsOn!: string;

  /** The days of the week that have lessons. */
  @ApiProperty({ type: [WeekDay] })
  days!: WeekDay[];

  /** The class teacher's verification of the week; null while not verified. */
  @ApiProperty({ type: WeekVerification, nullable: true })
  verification!: WeekVerification | null;
}

export class AttendanceRecordResponse {
  @ApiProperty({ format: 'uuid' })
  lessonId!: string;

  @ApiProperty({ format: 'uuid' })
  studentId!: string;

  @ApiProperty({ type: String, enum: ABSENCE_CODES, nullable: true })
  code!: string | null;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  /** false when the record already was so (nothing written, no history). */
  changed!: boolean;
}

export class AttendanceHistoryItem {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  lessonId!: string;

  @ApiProperty({ format: 'date' })
  date!: string;

  lessonNumber!: number;

  subject!: string;

  @ApiProperty({ type: String, nullable: true, enum: ABSENCE_CODES })
  oldCode!: string | null;

  @ApiProperty({ type: String, nullable: true, enum: ABSENCE_CODES })
  newCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  oldNote!: string | null;

  @ApiProperty({ type: String, nullable: true })
  newNote!: string | null;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true })
  changedByUserId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  changedBy!: string | null;

  @ApiProperty({ format: 'date-time' })
  changedAt!: string;
}

export class AttendanceHistoryResponse {
  @ApiProperty({ type: [AttendanceHistoryItem] })
  items!: AttendanceHistoryItem[];
}

/** A student's missed lessons over the span (R-ATT-3). */
export class StudentMissedLessons {
  @ApiProperty({ format: 'uuid' })
  studentId!: string;

  surname!: string;

  name!: string;

  @ApiProperty({ type: String, nullable: true })
  patronymic!: string | null;

  /** conducted lessons the student was due at */
  lessons!: number;

  /** missed: Н, У or Б */
  missed!: number;

  /** of them for a valid reason (У) */
  excused!: number;

  /** of them for illness (Б) */
  ill!: number;

  /** late arrivals (О) */
  late!: number;

  /** days on which every lesson due was missed */
  missedDays!: number;
}

export class MissedLessonsResponse {
  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  /** Students with a due lesson in the span, in Russian order. */
  @ApiProperty({ type: [StudentMissedLessons] })
  items!: StudentMissedLessons[];
}
