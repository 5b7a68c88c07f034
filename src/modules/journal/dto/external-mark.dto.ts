import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/validators';

const MARK_VALUE = { context: { code: 'mark-value-invalid' }, message: 'must be an integer 1–5' };

/** A mark from home schooling or a hospital school (R-JRN-7, §4.4.15), with the document it comes from. */
export class CreateExternalMarkDto {
  /** a teaching assignment of the student's class and the subject */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  assignmentId!: string;

  @IsIsoDate()
  date!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  markTypeId!: string;

  @ApiProperty({ minimum: 1, maximum: 5, type: 'integer', example: 5 })
  @IsInt(MARK_VALUE)
  @Min(1, MARK_VALUE)
  @Max(5, MARK_VALUE)
  value!: number;

  @ApiProperty({ enum: ['home', 'hospital'] })
  @IsIn(['home', 'hospital'])
  source!: 'home' | 'hospital';

  /** справка / приказ the mark comes from */
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Справка ГБУЗ КДБ № 12 от 10.11.2026' })
  @IsString()
  @MaxLength(200)
  @Matches(/\S/, { message: 'must not be blank' })
  sourceDocument!: string;
}

export class AnnulMarkDto {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Ошибочно внесена' })
  @IsString()
  @MaxLength(500)
  @Matches(/\S/, { message: 'must not be blank' })
  reason!: string;
}

export class MarkResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) studentId!: string;
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) lessonId!: string | null;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ format: 'uuid' }) markTypeId!: string;
  @ApiProperty() weight!: number;
  @ApiProperty() value!: number;
  @ApiProperty({ enum: ['journal', 'home', 'hospital'] }) source!: string;
  @ApiProperty({ type: String, nullable: true }) sourceDocument!: string | null;
  @ApiProperty({ format: 'date' }) deadline!: string;
  @ApiProperty() late!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) annulledAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) annulReason!: string | null;
}
