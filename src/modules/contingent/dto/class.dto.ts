import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '../../../common/pagination/pagination';
import { Optional } from '../../../common/validation/optional';
import { CLASS_LETTER_MESSAGE, CLASS_LETTER_PATTERN, MAX_GRADE, MIN_GRADE } from '../class-rules';

/** The fields of a class that admin and deputy set; `schoolId`, `academicYearId`, `name` in the body → 422. */
export class CreateClassDto {
  /** Параллель, 1–11. @example 5 */
  @ApiProperty({ minimum: MIN_GRADE, maximum: MAX_GRADE, example: 5 })
  @IsInt()
  @Min(MIN_GRADE)
  @Max(MAX_GRADE)
  grade!: number;

  /** Литера. @example "А" */
  @ApiProperty({ pattern: CLASS_LETTER_PATTERN.source, maxLength: 4, example: 'А' })
  @IsString()
  @Matches(CLASS_LETTER_PATTERN, { message: CLASS_LETTER_MESSAGE })
  letter!: string;

  /** Классный руководитель: an active staff record of the school (`class-teacher-invalid`, 422). */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Optional({ nullable: true })
  @IsUUID()
  classTeacherStaffId?: string | null;

  /** Смена, 1 or 2 (a new class: 1 unless given). */
  @ApiPropertyOptional({ enum: [1, 2], default: 1 })
  @Optional()
  @IsIn([1, 2])
  shift?: number;

  /** Наполняемость: the most pupils, 1–40. */
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 40, nullable: true })
  @Optional({ nullable: true })
  @IsInt()
  @Min(1)
  @Max(40)
  capacity?: number | null;
}

/** Any of the create fields; null clears the class teacher or the capacity. */
export class UpdateClassDto extends PartialType(CreateClassDto, { skipNullProperties: false }) {}

export class ClassListQuery extends PageQuery {
  /** Only classes of this grade. */
  @ApiPropertyOptional({ minimum: MIN_GRADE, maximum: MAX_GRADE })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_GRADE)
  @Max(MAX_GRADE)
  grade?: number;
}

/** A class with its display name. */
export class ClassResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  academicYearId!: string;

  @ApiProperty({ example: 5 })
  grade!: number;

  @ApiProperty({ example: 'А' })
  letter!: string;

  /** «5А». */
  @ApiProperty({ example: '5А' })
  name!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  classTeacherStaffId!: string | null;

  @ApiProperty({ example: 1 })
  shift!: number;

  @ApiProperty({ type: Number, nullable: true, example: 28 })
  capacity!: number | null;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;
}
