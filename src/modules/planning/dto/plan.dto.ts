import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../../common/pagination/pagination';
import { Optional } from '../../../common/validation/optional';
import { TopicKind } from '../entities/plan-topic.entity';
import { PlanStatus } from '../entities/thematic-plan.entity';
import { MAX_TOPICS } from '../plan-xlsx';

/** One topic; its position is its place in the list. */
export class PlanTopicDto {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Тема 1. Натуральные числа' })
  @IsString()
  @MaxLength(500)
  @Matches(/\S/, { message: 'must not be blank' })
  title!: string;

  /** Hours, 0.1–99.9, one decimal. @example 1 */
  @ApiProperty({ minimum: 0.1, maximum: 99.9, example: 1 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 }, { message: 'must be a number with at most 1 decimal' })
  @Min(0.1)
  @Max(99.9)
  hours!: number;

  /** урок, практическая, лабораторная, контрольная работа. */
  @ApiProperty({ enum: TopicKind, example: TopicKind.Lesson })
  @IsIn(Object.values(TopicKind))
  kind!: TopicKind;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(1000)
  notes?: string | null;
}

/** The plan's topics in order, replacing the present ones (only while the plan is a draft or returned). */
export class ReplacePlanDto {
  @ApiProperty({ type: [PlanTopicDto], maxItems: MAX_TOPICS })
  @IsArray()
  @ArrayMaxSize(MAX_TOPICS)
  @ValidateNested({ each: true })
  @Type(() => PlanTopicDto)
  topics!: PlanTopicDto[];
}

/** Why the plan goes back to the teacher (возврат на доработку). */
export class ReturnPlanDto {
  @ApiProperty({ minLength: 1, maxLength: 1000, example: 'Не хватает 34 часов: добавьте темы второго полугодия' })
  @IsString()
  @MaxLength(1000)
  @Matches(/\S/, { message: 'must not be blank' })
  reason!: string;
}

/** Copy the topics to other assignments of the same subject and grade (по параллелям). */
export class CopyPlanDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  toAssignmentIds!: string[];

  /** Replace an approved target plan too (it becomes a draft); otherwise an approved target answers 409. */
  @ApiPropertyOptional({ default: false })
  @Optional()
  @IsBoolean()
  overwrite?: boolean;
}

export class PlanListQuery extends PageQuery {
  /** A plan never written counts as a draft. */
  @ApiPropertyOptional({ enum: PlanStatus })
  @Optional()
  @IsIn(Object.values(PlanStatus))
  status?: PlanStatus;

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
  subjectId?: string;
}

export class PlanTopicResponse {
  @ApiProperty({ example: 1 })
  position!: number;

  @ApiProperty({ example: 'Тема 1. Натуральные числа' })
  title!: string;

  @ApiProperty({ example: 1 })
  hours!: number;

  @ApiProperty({ enum: TopicKind })
  kind!: TopicKind;

  @ApiProperty({ type: String, nullable: true })
  notes!: string | null;
}

/** The plan of an assignment without its topics, with its hours against the curriculum. */
export class PlanSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  assignmentId!: string;

  @ApiProperty({ format: 'uuid' })
  academicYearId!: string;

  @ApiProperty({ format: 'uuid' })
  classId!: string;

  @ApiProperty({ example: '5А' })
  className!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  subgroupId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '1 группа' })
  subgroupName!: string | null;

  @ApiProperty({ format: 'uuid' })
  subjectId!: string;

  @ApiProperty({ example: 'Математика' })
  subjectName!: string;

  @ApiProperty({ format: 'uuid' })
  staffId!: string;

  @ApiProperty({ example: 'Иванова Мария Петровна' })
  teacherName!: string;

  /** A plan never written is an empty draft. */
  @ApiProperty({ enum: PlanStatus })
  status!: PlanStatus;

  @ApiProperty({ example: 102 })
  topicCount!: number;

  /** Sum of the topics' hours. */
  @ApiProperty({ example: 102 })
  plannedHours!: number;

  /** Hours a year of the curriculum for the class and subject (class override, else grade); null: no curriculum row. */
  @ApiProperty({ type: Number, nullable: true, example: 102 })
  curriculumHours!: number | null;

  /** plannedHours − curriculumHours; null without a curriculum row. */
  @ApiProperty({ type: Number, nullable: true, example: 0 })
  difference!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  approvedAt!: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  approvedByUserId!: string | null;

  /** The reason of the last return. */
  @ApiProperty({ type: String, nullable: true })
  note!: string | null;
}

export class PlanResponse extends PlanSummaryResponse {
  @ApiProperty({ type: [PlanTopicResponse] })
  topics!: PlanTopicResponse[];
}

export class CopyPlanResponse {
  /** The target plans, now drafts with the source's topics. */
  @ApiProperty({ type: [PlanSummaryResponse] })
  items!: PlanSummaryResponse[];
}
