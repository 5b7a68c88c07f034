import { IsNumber, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsTimeZone } from '../../../common/validation/validators';

export class UpdateSchoolDto {
  /** @example "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1»" */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name?: string;

  /** @example "МБОУ СШ № 1" */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  shortName?: string;

  /** IANA time zone of the school. @example "Asia/Krasnoyarsk" */
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  /** @example "660000, г. Красноярск, ул. Ленина, д. 1" */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;
}

export class UpdateSchoolSettingsDto {
  /** Fraction from which an average rounds up (0.5: 4.5 → «5»; 0.6: 4.6 → «5»). @example 0.5 */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(0.99)
  roundingThreshold?: number;

  /** Marks needed in a period for attestation. @example 3 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  minMarksForAttestation?: number;
}
