import { IsBoolean, IsString, MaxLength, MinLength } from 'class-validator';
import { Optional } from '../../../common/validation/optional';

export class ChangePasswordDto {
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  currentPassword!: string;

  /** 8–128 characters, not a common password, not the login; no other rules. @example "зелёный чай без сахара" */
  @IsString()
  @MaxLength(1024)
  newPassword!: string;

  /** End every other session (other devices sign in again with the new password). Default false. */
  @Optional()
  @IsBoolean()
  endOtherSessions?: boolean;
}

export class OneTimePasswordResponse {
  /** Shown once: give it to the user, who must change it at first sign-in. @example "k7pm-x3qa-9wre" */
  oneTimePassword!: string;
}
