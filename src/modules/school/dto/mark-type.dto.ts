import { OmitType, PartialType } from '@nestjs/swagger';
import { IsEnum, IsNumber, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination/pagination';
import { MarkCategory } from '../entities/mark-type.entity';
import { Optional } from '../../../common/validation/optional';

export class CreateMarkTypeDto {
  /** Stable code for integrations. @example "control_work" */
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,49}$/, { message: 'must be 2–50 lowercase latin letters, digits or _' })
  code!: string;

  /** @example "Контрольная работа" */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  /** @example "К/р" */
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  shortName!: string;

  /** Weight in the weighted average, greater than 0. @example 2 */
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'must be a number with at most 2 decimals' })
  @Min(0.01, { message: 'must be greater than 0' })
  @Max(10)
  weight!: number;

  @IsEnum(MarkCategory)
  category!: MarkCategory;
}

/** Everything but the code, which integrations rely on. */
export class UpdateMarkTypeDto extends PartialType(OmitType(CreateMarkTypeDto, ['code'] as const), { skipNullProperties: false }) {}

export class MarkTypeListQuery extends PageQuery {
  /** Include archived types. */
  @Optional()
  @Matches(/^(true|false)$/, { message: 'must be true or false' })
  includeArchived?: 'true' | 'false';
}
