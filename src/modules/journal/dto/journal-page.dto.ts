import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Optional } from '../../../common/validation/optional';
import { IsIsoDate } from '../../../common/validation/validators';

/**
 * The class journal page of a teaching assignment over a study period (`periodId`) or over [from, to] (both
 * inclusive, at most 200 days): exactly one of the two (422 `journal-period-invalid` otherwise).
 */
export class JournalPageQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  assignmentId!: string;

  /** A study period (quarter, trimester, half-year) of the assignment's year and grade. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  periodId?: string;

  /** Instead of a period: the first day. @example 2026-09-01 */
  @Optional()
  @IsIsoDate()
  from?: string;

  /** Instead of a period: the last day (inclusive). @example 2026-10-23 */
  @Optional()
  @IsIsoDate()
  to?: string;
}

export class JournalPageAssignment {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  classId!: string;

  /** @example 5А */
  className!: string;

  @ApiProperty({ format: 'uuid', nullable: true })
  subgroupId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  subgroupName!: string | null;

  @ApiProperty({ format: 'uuid' })
  subjectId!: string;

  /** @example Математика */
  subject!: string;

  @ApiProperty({ format: 'uuid' })
  staffId!: string;

  /** The assignment's teacher, ФИО. */
  teacher!: string;
}

/** The period the page covers: a study period, or the dates asked for (id and name null). */
export class JournalPagePeriod {
  @ApiProperty({ format: 'uuid', nullable: true })
  id!: string | null;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;
}

/** The approved plan's topic laid on a lesson. */
export class JournalPlannedTopic {
  position!: number;
  title!: string;
}

/** A dated lesson of the assignment in the period (a column of the page). */
export class JournalPageLesson {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date' })
  date!: string;

  lessonNumber!: number;

  /** The topic recorded by the journal; null until the lesson is conducted. */
  @ApiProperty({ type: String, nullable: true })
  topic!: string | null;

  /** The kind of work recorded: lesson, practical, lab, test. */
  @ApiProperty({ type: String, nullable: true, enum: ['lesson', 'practical', 'lab', 'test'] })
  workKind!: string | null;

  conducted!: boolean;

  cancelled!: boolean;

  /** The approved plan's topic for this lesson (null without an approved plan, for a cancelled lesson, past the plan's end). */
  @ApiProperty({ type: JournalPlannedTopic, nullable: true })
  plannedTopic!: JournalPlannedTopic | null;
}

/** A mark not annulled of the subject in the period (the whole class's or a subgroup's, journal, home or hospital). */
export class JournalPageMark {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  /** 1–5 */
  value!: number;

  @ApiProperty({ format: 'uuid' })
  markTypeId!: string;

  /** The mark type's short name. @example К/р */
  markType!: string;

  /** The mark type's weight as the school sets it now. @example 2 */
  weight!: number;

  /** The lesson (null for a home-schooling or hospital-school mark). */
  @ApiProperty({ format: 'uuid', nullable: true })
  lessonId!: string | null;

  @ApiProperty({ enum: ['journal', 'home', 'hospital'] })
  source!: string;

  @ApiProperty({ format: 'date' })
  date!: string;

  /** Entered after its deadline. */
  late!: boolean;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;
}

/** An absence or lateness at a lesson of the page. */
export class JournalPageAbsence {
  @ApiProperty({ format: 'uuid' })
  lessonId!: string;

  @ApiProperty({ enum: ['Н', 'У', 'Б', 'О'] })
  code!: string;
}

/** A row of the page: a student due in the period, with marks, absences and the weighted average. */
export class JournalPageStudent {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  surname!: string;

  name!: string;

  @ApiProperty({ type: String, nullable: true })
  patronymic!: string | null;

  @ApiProperty({ type: [JournalPageMark] })
  marks!: JournalPageMark[];

  @ApiProperty({ type: [JournalPageAbsence] })
  absences!: JournalPageAbsence[];

  /** Σ value × weight / Σ weight of the marks above, to 2 decimals; null without marks. */
  @ApiProperty({ type: Number, nullable: true })
  average!: number | null;
}

/**
 * The class journal page (R-JRN-6): the assignment, the period, its dated lessons and its students (Russian order)
 * with every mark and absence, each student's weighted average and the class average (the mean of the class's
 * students' averages in the subject — the same figure the diary shows).
 */
export class JournalPageResponse {
  @ApiProperty({ type: JournalPageAssignment })
  assignment!: JournalPageAssignment;

  @ApiProperty({ type: JournalPagePeriod })
  period!: JournalPagePeriod;

  @ApiProperty({ type: [JournalPageLesson] })
  lessons!: JournalPageLesson[];

  @ApiProperty({ type: [JournalPageStudent] })
  students!: JournalPageStudent[];

  @ApiProperty({ type: Number, nullable: true })
  classAverage!: number | null;
}
