import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsTimeZone } from '../../../common/validation/validators';
import { LOGIN_MESSAGE, LOGIN_PATTERN } from '../user-rules';

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
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  /** @example "660000, г. Красноярск, ул. Ленина, д. 1" */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;
}

/** The school's first (or another) admin, created by the regional operator. */
export class CreateSchoolAdminDto {
  /** Sign-in name, unique in the deployment regardless of case. */
  @ApiProperty({ type: String, pattern: LOGIN_PATTERN.source, minLength: 3, maxLength: 100, example: 'admin.school1' })
  @IsString()
  @Matches(LOGIN_PATTERN, { message: LOGIN_MESSAGE })
  login!: string;

  /** ФИО. @example "Петров Иван Сергеевич" */
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @Matches(/\S/, { message: 'must not be blank' })
  fullName!: string;
}
