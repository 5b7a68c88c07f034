import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEnum, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Optional } from '../../../common/validation/optional';
import { Role } from '../../../common/access/role';
import { LOGIN_MESSAGE, LOGIN_PATTERN } from '../../users/user-rules';
import { InvitationKind } from '../invitation-code.entity';

/** The most students one issue may name (a class has at most 40). */
export const MAX_STUDENTS_PER_ISSUE = 60;

export class IssueInvitationCodesDto {
  /** Students of the class to issue codes for; by default every student enrolled in the class today. */
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_STUDENTS_PER_ISSUE })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_STUDENTS_PER_ISSUE)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  studentIds?: string[];

  /** Which codes: `student` (the student's own account), `guardian` (one per guardian–student pair). Default: both. */
  @ApiPropertyOptional({ enum: InvitationKind, isArray: true, minItems: 1, maxItems: 2, example: ['student', 'guardian'] })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(InvitationKind, { each: true })
  kinds?: InvitationKind[];

  /** Revoke a live code and issue a new one (a lost sheet); otherwise a student or pair with a live code is skipped. */
  @ApiPropertyOptional({ default: false })
  @Optional()
  @IsBoolean()
  reissue?: boolean;
}

/** A code as issued: shown once, in this answer and on the sheet; the server keeps only its hash. */
export class IssuedInvitationCode {
  @ApiProperty({ format: 'uuid' })
  codeId!: string;

  @ApiProperty({ enum: InvitationKind })
  kind!: InvitationKind;

  @ApiProperty({ format: 'uuid' })
  studentId!: string;

  /** @example "Иванов Иван Петрович" */
  studentName!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  guardianId!: string | null;

  /** ФИО of the guardian for a guardian code. */
  @ApiProperty({ type: String, nullable: true, example: 'Иванова Мария Сергеевна' })
  guardianName!: string | null;

  /** 16 characters of base32 in four groups (80 random bits). @example "7K3M-Q9TD-X2FW-H8RB" */
  code!: string;

  expiresAt!: Date;
}

export class IssueInvitationCodesResponse {
  @ApiProperty({ type: [IssuedInvitationCode] })
  codes!: IssuedInvitationCode[];

  /** Students and guardian–student pairs left out: a live code exists (without `reissue`) or the account is already there. */
  skipped!: number;

  /** The job making the printable XLSX «Пригласительные коды» (GET /api/v1/jobs/{id}, then its file); null when no code was issued. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  sheetJobId!: string | null;
}

export enum InvitationState {
  Issued = 'issued',
  Used = 'used',
  Expired = 'expired',
  Revoked = 'revoked',
}

/** A code's state for the class page: never the code or its hash. */
export class InvitationCodeStateResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: InvitationKind })
  kind!: InvitationKind;

  /** issued (can still be used), used, expired (before use), revoked */
  @ApiProperty({ enum: InvitationState })
  state!: InvitationState;

  @ApiProperty({ format: 'uuid' })
  studentId!: string;

  /** @example "Иванов Иван Петрович" */
  studentName!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  guardianId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  guardianName!: string | null;

  issuedAt!: Date;

  expiresAt!: Date;

  @ApiProperty({ type: Date, nullable: true })
  usedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  revokedAt!: Date | null;
}

export class ActivateInvitationDto {
  /** The code from the sheet; case, spaces and dashes do not matter. @example "7K3M-Q9TD-X2FW-H8RB" */
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  code!: string;

  /**
   * Sign-in name of the new account (unique regardless of case; 409 `login-taken`). Required unless a parent
   * activates a guardian code while signed in.
   */
  @ApiPropertyOptional({ type: String, pattern: LOGIN_PATTERN.source, minLength: 3, maxLength: 100, example: 'ivanova.ms' })
  @Optional()
  @IsString()
  @Matches(LOGIN_PATTERN, { message: LOGIN_MESSAGE })
  login?: string;

  /** Password of the new account (8–128 characters, not a common one, not the login). */
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 1024 })
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password?: string;
}

export class ActivationResponse {
  /** The account that now holds the code's student or guardian record. */
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  login!: string;

  @ApiProperty({ enum: Role, isArray: true })
  roles!: Role[];

  /** whether this activation created the account (false: linked to the signed-in parent's account) */
  created!: boolean;

  @ApiProperty({ format: 'uuid' })
  studentId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  guardianId!: string | null;
}
