import { OmitType, PartialType } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination/pagination';
import { Optional } from '../../../common/validation/optional';

export class CreateSubjectDto {
  /** Stable latin key, unique in the school; imports rely on it and it never changes. @example "astronomy" */
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,49}$/, { message: 'must be 2–50 lowercase latin letters, digits or _' })
  code!: string;

  /** Full name, unique in the school (case-insensitive). @example "Астрономия" */
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  /** Short name for timetables and the diary. @example "Астр." */
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MinLength(1)
  @MaxLength(50)
  shortName!: string;
}

/** Name and short name; the code is immutable (sending it answers 422). */
export class UpdateSubjectDto extends PartialType(OmitType(CreateSubjectDto, ['code'] as const), { skipNullProperties: false }) {}

export class SubjectListQuery extends PageQuery {
  /** Include archived subjects. */
  @Optional()
  @Matches(/^(true|false)$/, { message: 'must be true or false' })
  includeArchived?: 'true' | 'false';
}
