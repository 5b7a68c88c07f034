import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsEnum, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination/pagination';
import { Optional } from '../../../common/validation/optional';
import { RoomKind } from '../entities/room.entity';

export class CreateRoomDto {
  /** Номер кабинета, unique in the school (case-insensitive). @example "214" */
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MinLength(1)
  @MaxLength(20)
  number!: string;

  /** @example "Кабинет информатики" */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(200)
  name?: string | null;

  /** Seats, 1–1000. @example 30 */
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 1000 })
  @Optional({ nullable: true })
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity?: number | null;

  /** Default: classroom. */
  @ApiPropertyOptional({ enum: RoomKind, enumName: 'RoomKind' })
  @Optional()
  @IsEnum(RoomKind)
  kind?: RoomKind;
}

/** Any of the create fields; null clears the name or the capacity. */
export class UpdateRoomDto extends PartialType(CreateRoomDto, { skipNullProperties: false }) {}

export class RoomListQuery extends PageQuery {
  /** Include archived rooms. */
  @Optional()
  @Matches(/^(true|false)$/, { message: 'must be true or false' })
  includeArchived?: 'true' | 'false';

  @ApiPropertyOptional({ enum: RoomKind, enumName: 'RoomKind' })
  @Optional()
  @IsEnum(RoomKind)
  kind?: RoomKind;
}
