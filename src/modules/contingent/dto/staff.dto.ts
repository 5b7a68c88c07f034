import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination/pagination';
import { Optional } from '../../../common/validation/optional';

/**
 * The fields of a staff record that admin and secretary set. Anything else in the body (`schoolId`, `id`,
 * `archivedAt` on create) is refused by the global validation (422).
 */
export class CreateStaffDto {
  /** Фамилия. @example "Ёлкина" */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'must not be blank' })
  surname!: string;

  /** Имя. @example "Мария" */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'must not be blank' })
  name!: string;

  /** Отчество, if any. @example "Петровна" */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(100)
  patronymic?: string | null;

  /** Должности. @example ["учитель математики", "заместитель директора по УВР"] */
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  positions?: string[];

  /**
   * The person's account, of the same school (`user-not-in-school`, 422) and not linked to other staff
   * (`user-already-linked`, 409); null unlinks.
   */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Optional({ nullable: true })
  @IsUUID()
  userId?: string | null;
}

/** Any of the create fields (null unlinks the account or clears the patronymic), and `archived`. */
export class UpdateStaffDto extends PartialType(CreateStaffDto, { skipNullProperties: false }) {
  /** true archives the record (the person left the school), false brings it back. */
  @Optional()
  @IsBoolean()
  archived?: boolean;
}

export class StaffListQuery extends PageQuery {
  /** A substring of the surname, name or patronymic (any case). */
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  /** Include archived staff. */
  @Optional()
  @Matches(/^(true|false)$/, { message: 'must be true or false' })
  includeArchived?: 'true' | 'false';
}
