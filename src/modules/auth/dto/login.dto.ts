import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  /** The login given by the school (case does not matter). */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  login!: string;

  /** @example "correct horse battery staple" */
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password!: string;
}

export class TokenResponseDto {
  /** JWT to send as `Authorization: Bearer …` */
  accessToken!: string;

  /** @example "Bearer" */
  tokenType!: 'Bearer';

  /** Lifetime of the access token in seconds. @example 900 */
  expiresIn!: number;
}
