import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsInt, IsNumber, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsTimeZone } from '../../../common/validation/validators';
import { Optional } from '../../../common/validation/optional';

/** A new school (the regional operator creates it). */
export class CreateSchoolDto {
  /** @example "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1»" */
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @Matches(/\S/, { message: 'must not be blank' })
  name!: string;

  /** @example "МБОУ СШ № 1" */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'must not be blank' })
  shortName!: string;

  /** IANA time zone of the school (default Asia/Krasnoyarsk). @example "Asia/Krasnoyarsk" */
  @Optional()
  @IsTimeZone()
  timeZone?: string;

  /** Postal address; null clears it. @example "660000, г. Красноярск, ул. Ленина, д. 1" */
  @ApiProperty({ type: String, required: false, nullable: true, maxLength: 500 })
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(500)
  address?: string | null;
}

/** Name, short name, time zone, address: each optional. */
export class UpdateSchoolDto extends PartialType(CreateSchoolDto, { skipNullProperties: false }) {}

export class UpdateSchoolSettingsDto {
  /** Fraction from which an average rounds up (0.5: 4.5 → «5»; 0.6: 4.6 → «5»). @example 0.5 */
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(0.99)
  roundingThreshold?: number;

  /** Marks needed in a period for attestation. @example 3 */
  @Optional()
  @IsInt()
  @Min(1)
  @Max(20)
  minMarksForAttestation?: number;

  /** Early warning (R-JRN-8): flag a student whose share of missed lessons in a period exceeds this. @example 0.3 */
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(0.99)
  warningAbsenceShare?: number;
}
