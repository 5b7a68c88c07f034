import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Optional } from '../../../common/validation/optional';
import { IsIsoDate } from '../../../common/validation/validators';
import { TimetableLessonView } from '../../schedule/dto/timetable-view.dto';

/**
 * The dated lessons of [from, to] (both inclusive, at most 366 days) of exactly one class, teaching assignment or
 * teacher (422 `lesson-filter-invalid` otherwise); subjectId narrows them to one subject.
 */
export class LessonListQuery {
  /** @example 2026-09-01 */
  @IsIsoDate()
  from!: string;

  /** inclusive @example 2026-09-30 */
  @IsIsoDate()
  to!: string;

  /** A class: its whole-class lessons and every subgroup's. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  classId?: string;

  /** A teaching assignment: its lessons, in order (the plan's topics are laid onto them). */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  assignmentId?: string;

  /** A teacher: the lessons they give (a substitute's lessons included, the ones given up to a substitute not). */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  staffId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  subjectId?: string;
}

/** The topic of the approved thematic plan that falls on a lesson (one hour of the plan a lesson, in order). */
export class PlannedTopic {
  /** The topic's number in the plan. @example 12 */
  position!: number;

  /** @example 'Сложение и вычитание обыкновенных дробей' */
  title!: string;

  @ApiProperty({ enum: ['lesson', 'practical', 'lab', 'test'] })
  kind!: string;

  /** The topic's hours in the plan. @example 2 */
  hours!: number;
}

/**
 * A dated lesson: a lesson of the weekly timetable on its date, as the calendar and the dated changes leave it —
 * with the teacher and room as changed (a substitute, another room) and the topic of the approved plan laid on it.
 */
export class DatedLessonResponse extends TimetableLessonView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date' })
  date!: string;

  /** The journal has recorded the lesson as given (such a lesson is never changed by a later timetable or calendar change). */
  conducted!: boolean;

  /**
   * The approved plan's topic for this lesson: the assignment's lessons that are held (not cancelled), in date and
   * lesson-number order, take the plan's hours one by one; null for a cancelled lesson, without an approved plan, or
   * once the plan's hours have run out.
   */
  @ApiProperty({ type: PlannedTopic, nullable: true })
  plannedTopic!: PlannedTopic | null;
}

export class DatedLessonListResponse {
  @ApiProperty({ type: [DatedLessonResponse] })
  items!: DatedLessonResponse[];
}

/** Coverage on a date (default: the school's today), optionally of one class, teacher or assignment. */
export class CoverageQuery {
  /** The date up to which lessons count (inclusive). @example 2026-11-18 */
  @ApiPropertyOptional({ format: 'date' })
  @Optional()
  @IsIsoDate()
  on?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  classId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  staffId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  assignmentId?: string;
}

/** A topic reached by a count of lessons. */
export class CoverageTopic {
  /** @example 12 */
  position!: number;

  /** @example 'Сложение и вычитание обыкновенных дробей' */
  title!: string;
}

/**
 * Coverage of one teaching assignment (учёт пройденного материала, §4.6.6): the plan's lessons due by the date against
 * the lessons the journal records as given.
 */
export class AssignmentCoverage {
  @ApiProperty({ format: 'uuid' })
  assignmentId!: string;

  @ApiProperty({ format: 'uuid' })
  classId!: string;

  /** @example '5А' */
  className!: string;

  @ApiProperty({ type: String, nullable: true })
  subgroupName!: string | null;

  @ApiProperty({ format: 'uuid' })
  subjectId!: string;

  /** @example 'Математика' */
  subject!: string;

  @ApiProperty({ format: 'uuid' })
  staffId!: string;

  /** @example 'Иванова Мария Петровна' */
  teacher!: string;

  /** The plan's status; null: no plan yet. Only an approved plan is laid onto the lessons. */
  @ApiProperty({ type: String, enum: ['draft', 'submitted', 'approved', 'returned'], nullable: true })
  planStatus!: string | null;

  /** The plan's total hours; null without a plan. @example 170 */
  @ApiProperty({ type: Number, nullable: true })
  planHours!: number | null;

  /** Lessons of the year that are held (not cancelled). @example 168 */
  lessonsInYear!: number;

  /**
   * Lessons held in the year minus lessons the approved plan needs: below zero, the timetable gives too few lessons
   * for the plan (the plan cannot be completed); null without an approved plan.
   */
  @ApiProperty({ type: Number, nullable: true })
  lessonsSpare!: number | null;

  /** Lessons held (not cancelled) up to the date. @example 48 */
  lessonsToDate!: number;

  /** Of them, the lessons that carry a topic of the approved plan: the plan's lessons due by the date. @example 48 */
  plannedToDate!: number;

  /** Lessons up to the date the journal records as given. @example 45 */
  conductedToDate!: number;

  /** отставание: plannedToDate − conductedToDate (below zero: ahead of the plan). @example 3 */
  lag!: number;

  /** The plan's topic due on the last lesson up to the date; null when none is due. */
  @ApiProperty({ type: CoverageTopic, nullable: true })
  dueTopic!: CoverageTopic | null;

  /** The plan's topic of the last lesson given (by the count of lessons given); null when none. */
  @ApiProperty({ type: CoverageTopic, nullable: true })
  reachedTopic!: CoverageTopic | null;
}

export class CoverageSummary {
  /** Assignments counted. */
  assignments!: number;

  /** Of them, with an approved plan. */
  withApprovedPlan!: number;

  /** Of them, behind the plan (lag > 0). */
  behind!: number;

  /** Of them, whose timetable gives fewer lessons than the plan needs (lessonsSpare < 0). */
  short!: number;
}

export class CoverageResponse {
  @ApiProperty({ format: 'date' })
  on!: string;

  @ApiProperty({ type: CoverageSummary })
  summary!: CoverageSummary;

  /** By class (grade, letter), subject and subgroup. */
  @ApiProperty({ type: [AssignmentCoverage] })
  items!: AssignmentCoverage[];
}
