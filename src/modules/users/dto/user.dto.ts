import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Role, STAFF_ROLES } from '../../../common/access/role';
import { PageQuery } from '../../../common/pagination/pagination';
import { UserStatus } from '../../auth/entities/user.entity';
import { LOGIN_MESSAGE, LOGIN_PATTERN } from '../user-rules';
import { Optional } from '../../../common/validation/optional';

const LOGIN_API = { type: String, pattern: LOGIN_PATTERN.source, minLength: 3, maxLength: 100, example: 'ivanova.mp' };
const STAFF_ROLES_API = { enum: [...STAFF_ROLES], isArray: true, minItems: 1, maxItems: 5 };

/**
 * The account fields an admin may set. The body can set nothing else: `schoolId`, `id`, the password hash,
 * `mustChangePassword` (and `roles` outside the roles route) are refused by the global validation (422).
 */
export class CreateUserDto {
  /** Sign-in name, unique in the deployment regardless of case. */
  @ApiProperty(LOGIN_API)
  @IsString()
  @Matches(LOGIN_PATTERN, { message: LOGIN_MESSAGE })
  login!: string;

  /** ФИО. @example "Иванова Мария Петровна" */
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @Matches(/\S/, { message: 'must not be blank' })
  fullName!: string;

  /**
   * Staff roles (admin, director, deputy, secretary, teacher); several per person are normal.
   * Parent and student accounts are not created here (`role-not-assignable`).
   */
  @ApiProperty({ ...STAFF_ROLES_API, example: ['teacher', 'deputy'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsEnum(Role, { each: true })
  roles!: Role[];
}

export class UpdateUserDto {
  @ApiPropertyOptional(LOGIN_API)
  @Optional()
  @IsString()
  @Matches(LOGIN_PATTERN, { message: LOGIN_MESSAGE })
  login?: string;

  /** @example "Иванова Мария Петровна" */
  @Optional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @Matches(/\S/, { message: 'must not be blank' })
  fullName?: string;

  /** A disabled user cannot sign in; an admin cannot disable themself. */
  @Optional()
  @IsEnum(UserStatus)
  status?: UserStatus;
}

export class ReplaceUserRolesDto {
  /** The user's staff roles after the change; parent and student roles the user holds are kept. */
  @ApiProperty({ ...STAFF_ROLES_API, example: ['teacher'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsEnum(Role, { each: true })
  roles!: Role[];
}

export class UserListQuery extends PageQuery {
  /** Only users holding this role. */
  @Optional()
  @IsEnum(Role)
  role?: Role;

  @Optional()
  @IsEnum(UserStatus)
  status?: UserStatus;

  /** Part of the ФИО or the login, case-insensitive. @example "иван" */
  @Optional()
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(1)
  @MaxLength(100)
  q?: string;
}
