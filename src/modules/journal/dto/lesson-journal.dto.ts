import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Optional } from '../../../common/validation/optional';
import { IsIsoDate } from '../../../common/validation/validators';
import { AbsenceCode } from '../../attendance/entities/attendance.entity';
import { WORK_KINDS, WorkKind } from '../journal-rules';

const MARK_VALUE = { context: { code: 'mark-value-invalid' }, message: 'must be an integer 1–5' };
export const MAX_LESSON_ENTRIES = 200;

/** One mark of the lesson: an integer 1–5 («5+», «4-», 0, 6, 5.5, "5": 422 `mark-value-invalid`). No weight: the mark type's. */
export class LessonMarkDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  studentId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  markTypeId!: string;

  @ApiProperty({ minimum: 1, maximum: 5, example: 5, type: 'integer' })
  @IsInt(MARK_VALUE)
  @Min(1, MARK_VALUE)
  @Max(5, MARK_VALUE)
  value!: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @Optional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

/** An absence or a lateness; a student not listed was present. */
export class LessonAbsenceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  studentId!: string;

  /** Н — без уважительной причины, У — уважительная, Б — болезнь, О — опоздание */
  @ApiProperty({ enum: AbsenceCode, example: AbsenceCode.Absent })
  @IsIn(Object.values(AbsenceCode))
  code!: AbsenceCode;

  @ApiPropertyOptional({ maxLength: 500 })
  @Optional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** Homework set at the lesson: due on a date after the lesson or at a later lesson of the same assignment. */
export class LessonHomeworkDto {
  @ApiProperty({ minLength: 1, maxLength: 4000, example: 'Упр. 125, 127' })
  @IsString()
  @MaxLength(4000)
  @Matches(/\S/, { message: 'must not be blank' })
  text!: string;

  @ApiPropertyOptional({ format: 'date', description: 'after the lesson date' })
  @Optional()
  @IsIsoDate()
  dueDate?: string;

  /** a later lesson of the same assignment; its date becomes the due date */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  dueLessonId?: string;

  /** http/https URLs, stored, never fetched */
  @ApiPropertyOptional({ type: [String], maxItems: 10 })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @MaxLength(2000, { each: true })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { each: true })
  links?: string[];
}

/**
 * The lesson's whole record in one request (R-JRN-6): topic, kind of work, the complete set of marks (a mark that
 * existed and is missing is annulled) and of absences (a student missing is present), and the homework (left out:
 * unchanged; null: removed).
 */
export class PutLessonJournalDto {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Сложение и вычитание дробей' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @Matches(/\S/, { message: 'must not be blank' })
  topic!: string;

  @ApiPropertyOptional({ enum: WORK_KINDS, description: "default: the planned topic's kind, else 'lesson'" })
  @Optional()
  @IsIn(WORK_KINDS)
  workKind?: WorkKind;

  /** why marks are changed or annulled after their deadline */
  @ApiPropertyOptional({ maxLength: 500 })
  @Optional()
  @IsString()
  @MaxLength(500)
  @Matches(/\S/, { message: 'must not be blank' })
  reason?: string;

  @ApiProperty({ type: [LessonMarkDto], maxItems: MAX_LESSON_ENTRIES })
  @IsArray()
  @ArrayMaxSize(MAX_LESSON_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => LessonMarkDto)
  marks!: LessonMarkDto[];

  @ApiProperty({ type: [LessonAbsenceDto], maxItems: MAX_LESSON_ENTRIES })
  @IsArray()
  @ArrayMaxSize(MAX_LESSON_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => LessonAbsenceDto)
  attendance!: LessonAbsenceDto[];

  @ApiPropertyOptional({ type: LessonHomeworkDto, nullable: true })
  @Optional({ nullable: true })
  @IsObject()
  @ValidateNested()
  @Type(() => LessonHomeworkDto)
  homework?: LessonHomeworkDto | null;
}

export class JournalLessonView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() lessonNumber!: number;
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty({ format: 'uuid' }) classId!: string;
  @ApiProperty({ example: '5А' }) className!: string;
  @ApiProperty() grade!: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) subgroupId!: string | null;
  @ApiProperty({ type: String, nullable: true }) subgroupName!: string | null;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty() subject!: string;
  /** who gives it: the assignment's teacher or the substitute of that date */
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  /** who taught it (set by the first write) */
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) taughtByStaffId!: string | null;
  @ApiProperty({ type: String, nullable: true }) taughtBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) topic!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: WORK_KINDS }) workKind!: WorkKind | null;
  @ApiProperty() cancelled!: boolean;
  @ApiProperty() conducted!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) recordDeadline!: string | null;
  @ApiProperty() recordLate!: boolean;
}

export class JournalMarkView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) studentId!: string;
  @ApiProperty({ format: 'uuid' }) markTypeId!: string;
  @ApiProperty() markType!: string;
  @ApiProperty({ example: 'Пр' }) markTypeShortName!: string;
  @ApiProperty({ example: 1 }) weight!: number;
  @ApiProperty() category!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) value!: number;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ format: 'date' }) deadline!: string;
  @ApiProperty() late!: boolean;
}

export class JournalAbsenceView {
  @ApiProperty({ format: 'uuid' }) studentId!: string;
  @ApiProperty({ enum: AbsenceCode }) code!: AbsenceCode;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'date' }) deadline!: string;
  @ApiProperty() late!: boolean;
}

export class JournalHomeworkView {
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) dueLessonId!: string | null;
  @ApiProperty({ type: [String] }) links!: string[];
  @ApiProperty({ format: 'date' }) deadline!: string;
  @ApiProperty() late!: boolean;
}

/** The lesson's journal record: the lesson, its marks (not annulled), absences and homework. */
export class LessonJournalResponse {
  @ApiProperty({ type: JournalLessonView }) lesson!: JournalLessonView;
  @ApiProperty({ type: [JournalMarkView] }) marks!: JournalMarkView[];
  @ApiProperty({ type: [JournalAbsenceView] }) attendance!: JournalAbsenceView[];
  @ApiProperty({ type: JournalHomeworkView, nullable: true }) homework!: JournalHomeworkView | null;
}

export class MarkHistoryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) markId!: string;
  @ApiProperty({ format: 'uuid' }) studentId!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) lessonId!: string | null;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty() source!: string;
  @ApiProperty({ enum: ['create', 'change', 'annul'] }) action!: string;
  @ApiProperty({ type: Number, nullable: true }) oldValue!: number | null;
  @ApiProperty({ type: Number, nullable: true }) newValue!: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) oldMarkTypeId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) newMarkTypeId!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty() afterDeadline!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) changedByUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) changedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
}

export class AttendanceHistoryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) studentId!: string;
  @ApiProperty({ type: String, nullable: true }) oldCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) newCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) oldNote!: string | null;
  @ApiProperty({ type: String, nullable: true }) newNote!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) changedByUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) changedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
}

/** A lesson's history: every mark's creations, changes and annulments, and every attendance change. */
export class LessonHistoryResponse {
  @ApiProperty({ type: [MarkHistoryView] }) marks!: MarkHistoryView[];
  @ApiProperty({ type: [AttendanceHistoryView] }) attendance!: AttendanceHistoryView[];
}

export class MarkHistoryListResponse {
  @ApiProperty({ type: [MarkHistoryView] }) items!: MarkHistoryView[];
}

export class StudentMarkHistoryQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  subjectId?: string;

  @Optional()
  @IsIsoDate()
  from?: string;

  @Optional()
  @IsIsoDate()
  to?: string;
}
