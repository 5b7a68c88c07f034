import { IsString, MaxLength, MinLength } from 'class-validator';
import { Optional } from '../../../common/validation/optional';

export class LoginDto {
  /** The login given by the school (case does not matter). */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  login!: string;

  /** @example "correct horse battery staple" */
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;

  /** A name for this device in the session list. @example "Телефон" */
  @Optional()
  @IsString()
  @MaxLength(100)
  deviceName?: string;
}

export class RefreshDto {
  /** The refresh token of the latest login or refresh (each one works once). */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken!: string;
}

export class TokenResponseDto {
  /** JWT to send as `Authorization: Bearer …` */
  accessToken!: string;

  /** @example "Bearer" */
  tokenType!: 'Bearer';

  /** Lifetime of the access token in seconds (at most 900). @example 900 */
  expiresIn!: number;

  /** Opaque token for POST /auth/refresh: works once and is replaced by the one that refresh returns. Keep it secret. */
  refreshToken!: string;

  /** The session (device) these tokens belong to. @example "0d3f5a62-3c1e-4f7a-9b0e-6f2a1c9d8e47" */
  sessionId!: string;

  /** The user signed in with a one-time password: every call but the password change answers 403 until it is changed. */
  mustChangePassword!: boolean;
}
