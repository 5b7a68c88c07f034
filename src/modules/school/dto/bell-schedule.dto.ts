import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IsHourMinute } from '../../../common/validation/validators';
import { Optional } from '../../../common/validation/optional';

export class BellDto {
  /** Lesson number (0 for a «нулевой урок»). @example 1 */
  @IsInt()
  @Min(0)
  @Max(20)
  lessonNumber!: number;

  @IsHourMinute()
  startsAt!: string;

  @IsHourMinute()
  endsAt!: string;
}

export class BellScheduleDto {
  /** @example "1 смена" */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  /** The schedule used when a class names none. */
  @Optional()
  @IsBoolean()
  isDefault?: boolean;

  /** Lessons in order of number; each starts after the previous one ends. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(21)
  @ValidateNested({ each: true })
  @Type(() => BellDto)
  bells!: BellDto[];
}

export class BellView {
  /** @example 1 */
  lessonNumber!: number;
  /** @example "08:00" */
  startsAt!: string;
  /** @example "08:40" */
  endsAt!: string;
}

export class BellScheduleResponse {
  id!: string;
  /** @example "1 смена" */
  name!: string;
  isDefault!: boolean;
  bells!: BellView[];
  updatedAt!: Date;
}
