import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsNumber, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { Optional } from '../../../common/validation/optional';

const HOURS = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 } as const;
const HOURS_MESSAGE = { message: 'must be a number with at most 1 decimal' };

/** Hours a year of one subject. */
export class CurriculumItemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  subjectId!: string;

  /** Hours a year, 0.1–2000, one decimal (e.g. 5 h/week × 34 weeks = 170). @example 170 */
  @ApiProperty({ minimum: 0.1, maximum: 2000, example: 170 })
  @IsNumber(HOURS, HOURS_MESSAGE)
  @Min(0.1)
  @Max(2000)
  hoursPerYear!: number;
}

/**
 * The whole curriculum of a grade for the year: the grade's rows are replaced by `items` (an empty list clears the
 * grade). Class overrides are kept. Each subject is an active subject of the school (`subject-invalid`, 422), once.
 */
export class ReplaceGradeCurriculumDto {
  @ApiProperty({ minimum: 1, maximum: 11, example: 5 })
  @IsInt()
  @Min(1)
  @Max(11)
  grade!: number;

  @ApiProperty({ type: [CurriculumItemDto], maxItems: 60 })
  @IsArray()
  @ArrayMaxSize(60)
  @ArrayUnique((i: CurriculumItemDto) => i?.subjectId, { message: 'must name each subject once' })
  @ValidateNested({ each: true })
  @Type(() => CurriculumItemDto)
  items!: CurriculumItemDto[];
}

/** A class's own hours of a subject, instead of its grade's. */
export class SetClassCurriculumDto {
  /** Hours a year, 0.1–2000, one decimal. @example 102 */
  @ApiProperty({ minimum: 0.1, maximum: 2000, example: 102 })
  @IsNumber(HOURS, HOURS_MESSAGE)
  @Min(0.1)
  @Max(2000)
  hoursPerYear!: number;
}

export class CurriculumQuery {
  /** Only the rows of this grade (without classId: the grade rows). */
  @ApiPropertyOptional({ minimum: 1, maximum: 11 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(11)
  grade?: number;

  /** The effective curriculum of this class: its own rows, else its grade's. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  classId?: string;
}

export class CurriculumRowResponse {
  @ApiProperty({ format: 'uuid' })
  subjectId!: string;

  @ApiProperty({ example: 'Математика' })
  subjectName!: string;

  /** The grade of a grade row, or the class's grade for a class row. */
  @ApiProperty({ example: 5 })
  grade!: number;

  /** Set on a class override (and on every row of a class's effective curriculum). */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  classId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '5А' })
  className!: string | null;

  @ApiProperty({ example: 170 })
  hoursPerYear!: number;

  /** 'grade': the grade's row; 'class': the class's own override. */
  @ApiProperty({ enum: ['grade', 'class'] })
  source!: 'grade' | 'class';
}

export class CurriculumResponse {
  @ApiProperty({ format: 'uuid' })
  academicYearId!: string;

  @ApiProperty({ type: [CurriculumRowResponse] })
  items!: CurriculumRowResponse[];
}
