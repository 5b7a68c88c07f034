import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, Matches, MaxLength } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/validators';

/** An outage window (§4.4.14): when the journal could not be reached, and why. */
export class CreateOutageDto {
  @ApiProperty({ format: 'date-time', example: '2026-11-16T08:00:00+07:00' })
  @IsISO8601({ strict: true, strictSeparator: true })
  startsAt!: string;

  /** when access returned; after startsAt */
  @ApiProperty({ format: 'date-time', example: '2026-11-17T12:00:00+07:00' })
  @IsISO8601({ strict: true, strictSeparator: true })
  endsAt!: string;

  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Отключение интернета в школе' })
  @IsString()
  @MaxLength(500)
  @Matches(/\S/, { message: 'must not be blank' })
  reason!: string;
}

export class OutageListQuery {
  /** windows that end on or after this date @example 2026-09-01 */
  @IsIsoDate()
  from!: string;

  /** windows that start on or before this date @example 2026-12-31 */
  @IsIsoDate()
  to!: string;
}

export class OutageResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) declaredByUserId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class OutageListResponse {
  @ApiProperty({ type: [OutageResponse] }) items!: OutageResponse[];
}
