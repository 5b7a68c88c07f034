import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsNumber, IsUUID, Max, Min } from 'class-validator';
import { PageQuery } from '../../../common/pagination/pagination';
import { Optional } from '../../../common/validation/optional';

/**
 * Учебная нагрузка: a teacher teaches a subject to a class (or one subgroup of it) so many hours a week.
 * The class belongs to the year (`class-invalid`), the subgroup to that class and subject (`subgroup-invalid`), the
 * teacher is an active staff record (`staff-invalid`), the subject an active subject (`subject-invalid`), all 422.
 */
export class CreateTeachingAssignmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  staffId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  subjectId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  classId!: string;

  /** A subgroup of the class for this subject; absent or null: the whole class. */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Optional({ nullable: true })
  @IsUUID()
  subgroupId?: string | null;

  /** Hours a week, 0.1–40, one decimal. @example 3 */
  @ApiProperty({ minimum: 0.1, maximum: 40, example: 3 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 }, { message: 'must be a number with at most 1 decimal' })
  @Min(0.1)
  @Max(40)
  hoursPerWeek!: number;
}

/** Any of the create fields; null for `subgroupId` makes it a whole-class assignment. */
export class UpdateTeachingAssignmentDto extends PartialType(CreateTeachingAssignmentDto, { skipNullProperties: false }) {}

export class TeachingAssignmentListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  staffId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  classId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  subjectId?: string;
}

export class TeachingAssignmentResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  academicYearId!: string;

  @ApiProperty({ format: 'uuid' })
  staffId!: string;

  /** «Иванова Мария Петровна». */
  @ApiProperty({ example: 'Иванова Мария Петровна' })
  teacherName!: string;

  @ApiProperty({ format: 'uuid' })
  subjectId!: string;

  @ApiProperty({ example: 'Английский язык' })
  subjectName!: string;

  @ApiProperty({ format: 'uuid' })
  classId!: string;

  /** «5А». */
  @ApiProperty({ example: '5А' })
  className!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  subgroupId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '1 группа' })
  subgroupName!: string | null;

  @ApiProperty({ example: 3 })
  hoursPerWeek!: number;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;
}
