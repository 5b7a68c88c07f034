import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { Optional } from '../../../common/validation/optional';
import { IsIsoDate } from '../../../common/validation/validators';

/** One lesson of a class's week: weekday × lesson number × teaching assignment × room. */
export class ClassWeekEntryDto {
  /** ISO weekday, 1 Monday … 7 Sunday; a working day of the class's week (5- or 6-day). @example 1 */
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  /** A lesson number of the bell schedule (the school's default). @example 1 */
  @IsInt()
  @Min(0)
  @Max(20)
  lessonNumber!: number;

  /** The teaching assignment (class or subgroup, subject, teacher) of the same academic year. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  assignmentId!: string;

  /** An active room of the school; null or absent: no room (e.g. PE outdoors). */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Optional({ nullable: true })
  @IsUUID()
  roomId?: string | null;
}

/**
 * A timetable entry, valid over [validFrom, validTo) — validTo exclusive like enrolment, absent or null: to the end
 * of the academic year. Both dates inside the year.
 */
export class CreateTimetableEntryDto extends ClassWeekEntryDto {
  @IsIsoDate()
  validFrom!: string;

  /** Exclusive end; null: to the end of the academic year. */
  @IsIsoDate({ api: { required: false, nullable: true } })
  @Optional({ nullable: true })
  validTo?: string | null;
}

/** Any of the create fields; null for `roomId` clears the room, null for `validTo` opens the end. */
export class UpdateTimetableEntryDto extends PartialType(CreateTimetableEntryDto, { skipNullProperties: false }) {}

/**
 * The whole week of a class from `validFrom` (to `validTo`, exclusive, or the end of the year): the class's entries
 * (and its subgroups') valid then are closed at `validFrom`, never rewritten before it, and these entries take their
 * place. Checked as a whole, in one transaction: any conflict answers 409 with all of them and writes nothing.
 */
export class ReplaceClassWeekDto {
  @IsIsoDate()
  validFrom!: string;

  /** Exclusive end; null or absent: to the end of the academic year. */
  @IsIsoDate({ api: { required: false, nullable: true } })
  @Optional({ nullable: true })
  validTo?: string | null;

  /** The week; empty clears it. */
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ClassWeekEntryDto)
  entries!: ClassWeekEntryDto[];
}

/**
 * Copy a week into this class from `validFrom`: from a class of the same grade (`fromClassId`; each lesson goes to
 * this class's assignment of the same subject and subgroup name; rooms are left empty, the parallel class keeps its
 * own), or from this class's own timetable on `fromDate` (a previous period; rooms kept). With both, the other class's
 * week on `fromDate`. Replaces the week like PUT /classes/{classId}/timetable.
 */
export class CopyClassWeekDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  fromClassId?: string;

  /** The date whose timetable is copied; default `validFrom`. */
  @IsIsoDate({ api: { required: false } })
  @Optional()
  fromDate?: string;

  @IsIsoDate()
  validFrom!: string;

  /** Exclusive end; null or absent: to the end of the academic year. */
  @IsIsoDate({ api: { required: false, nullable: true } })
  @Optional({ nullable: true })
  validTo?: string | null;
}

export class TimetableQuery {
  /** Entries of this class and of its subgroups. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  classId?: string;

  /** Entries taught by this staff member. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  staffId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  roomId?: string;

  /** Entries valid on this date; default today (the school's date). */
  @IsIsoDate({ api: { required: false } })
  @Optional()
  on?: string;
}

export class TimetableEntryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  academicYearId!: string;
  /** @example 1 */
  weekday!: number;
  /** @example 2 */
  lessonNumber!: number;
  @ApiProperty({ format: 'uuid' })
  assignmentId!: string;
  @ApiProperty({ format: 'uuid' })
  classId!: string;
  /** @example "5А" */
  className!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  subgroupId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '1 группа' })
  subgroupName!: string | null;
  @ApiProperty({ format: 'uuid' })
  subjectId!: string;
  /** @example "Английский язык" */
  subject!: string;
  @ApiProperty({ format: 'uuid' })
  staffId!: string;
  /** @example "Иванова Мария Петровна" */
  teacher!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  roomId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '214' })
  room!: string | null;
  @ApiProperty({ type: String, format: 'date' })
  validFrom!: string;
  /** Exclusive; null: to the end of the academic year. */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  validTo!: string | null;
}

export class TimetableResponse {
  /** The date the entries are valid on. */
  @ApiProperty({ type: String, format: 'date' })
  on!: string;

  /** By weekday, lesson number, class, subgroup. */
  @ApiProperty({ type: [TimetableEntryResponse] })
  items!: TimetableEntryResponse[];
}

/** One conflict of a refused timetable write (409 `timetable-conflict`, in the problem's `conflicts`). */
export class TimetableConflict {
  /** The entry already in the timetable that the write clashes with; null when it is another entry of the same request. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  entryId!: string | null;
  /** Index in the request's `entries` of the entry that was refused (0 for a single entry). */
  requestIndex!: number;
  /** When the clashing entry is another entry of the same request: its index. */
  @ApiProperty({ type: Number, nullable: true })
  otherRequestIndex!: number | null;
  weekday!: number;
  lessonNumber!: number;
  className!: string;
  @ApiProperty({ type: String, nullable: true })
  subgroupName!: string | null;
  subject!: string;
  teacher!: string;
  @ApiProperty({ type: String, nullable: true })
  room!: string | null;
  @ApiProperty({ type: String, format: 'date' })
  validFrom!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  validTo!: string | null;
  /** teacher: the teacher is elsewhere; room: the room is taken; class: the class (or a subgroup sharing a student) is busy */
  @ApiProperty({ enum: ['teacher', 'room', 'class'] })
  reason!: 'teacher' | 'room' | 'class';
}
