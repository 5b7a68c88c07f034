import { PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/validators';
import { CalendarDayKind } from '../entities/calendar-day.entity';
import { StudyPeriodKind } from '../entities/study-period.entity';
import { Optional } from '../../../common/validation/optional';

export class CreateAcademicYearDto {
  /** @example "2026/2027" */
  @IsString()
  @Matches(/^\d{4}\/\d{4}$/, { message: 'must look like 2026/2027' })
  name!: string;

  @IsIsoDate()
  startsOn!: string;

  @IsIsoDate({ api: { example: '2027-05-31' } })
  endsOn!: string;
}

/** Any of the year's fields; the dates are checked again as a whole. */
export class UpdateAcademicYearDto extends PartialType(CreateAcademicYearDto, { skipNullProperties: false }) {}

/** A band of grades, 1–11 inclusive. */
class GradeBand {
  /** @example 1 */
  @IsInt()
  @Min(1)
  @Max(11)
  gradeFrom!: number;

  /** @example 9 */
  @IsInt()
  @Min(1)
  @Max(11)
  gradeTo!: number;
}

export class CreateStudyPeriodDto extends GradeBand {
  @IsEnum(StudyPeriodKind)
  kind!: StudyPeriodKind;

  /** Number of the period within the year. @example 1 */
  @IsInt()
  @Min(1)
  @Max(6)
  number!: number;

  /** Defaults to «1 четверть», «2 полугодие» … @example "1 четверть" */
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @IsIsoDate()
  startsOn!: string;

  @IsIsoDate({ api: { example: '2026-10-24' } })
  endsOn!: string;
}

export class UpdateStudyPeriodDto extends PartialType(PickType(CreateStudyPeriodDto, ['name', 'startsOn', 'endsOn'] as const), { skipNullProperties: false }) {}

export class CreateHolidayDto extends GradeBand {
  /** @example "Осенние каникулы" */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @IsIsoDate({ api: { example: '2026-10-26' } })
  startsOn!: string;

  @IsIsoDate({ api: { example: '2026-11-03' } })
  endsOn!: string;
}

export class UpdateHolidayDto extends PartialType(PickType(CreateHolidayDto, ['name', 'startsOn', 'endsOn'] as const), { skipNullProperties: false }) {}

export class CreateCalendarDayDto {
  @IsIsoDate({ api: { example: '2026-11-04' } })
  date!: string;

  /** non_working: a state holiday or day off by order; working: a moved working day */
  @IsEnum(CalendarDayKind)
  kind!: CalendarDayKind;

  /** @example "День народного единства" */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reason!: string;

  /**
   * A working day only: whose weekday's timetable the day follows (1 Monday … 7 Sunday), e.g. 1 for a working
   * Saturday «по расписанию понедельника»; absent: the day's own weekday. @example 1
   */
  @Optional()
  @IsInt()
  @Min(1)
  @Max(7)
  timetableWeekday?: number;
}

export class WeekPatternDto extends GradeBand {
  /** 5 = Monday–Friday, 6 = Monday–Saturday. @example 5 */
  @IsIn([5, 6])
  daysPerWeek!: 5 | 6;
}

export class ReplaceWeekPatternsDto {
  /** Bands that together cover grades 1–11 exactly once. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(11)
  @ValidateNested({ each: true })
  @Type(() => WeekPatternDto)
  patterns!: WeekPatternDto[];
}

export class CalendarQueryDto {
  /** The grade whose calendar is asked for (holidays and week pattern differ by grade). @example 5 */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(11)
  grade!: number;

  @Optional()
  @IsIsoDate({ api: { required: false, description: 'First day (default: start of the year)' } })
  from?: string;

  @Optional()
  @IsIsoDate({ api: { required: false, description: 'Last day (default: end of the year)' } })
  to?: string;
}
