import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { Role } from '../../../common/access/role';
import { PageQuery } from '../../../common/pagination/pagination';
import { IsIsoDate } from '../../../common/validation/validators';
import { Optional } from '../../../common/validation/optional';

export class UsagePeriod {
  /** First day (school-local), inclusive; default: 29 days before `to`. */
  @Optional()
  @IsIsoDate({ api: { required: false, description: 'First day, inclusive (school-local); default 29 days before to' } })
  from?: string;

  /** Last day (school-local), inclusive; default: today at the school. */
  @Optional()
  @IsIsoDate({ api: { required: false, description: 'Last day, inclusive (school-local); default today' } })
  to?: string;
}

export class UsageQuery extends IntersectionType(PageQuery, UsagePeriod) {
  @ApiPropertyOptional({ enum: Role, enumName: 'Role', description: 'Only users holding this role' })
  @Optional()
  @IsEnum(Role)
  role?: Role;
}

export class RoleUsage {
  @ApiProperty({ enum: Role, enumName: 'Role' })
  role!: Role;

  @ApiProperty({ description: 'Active accounts holding the role' })
  users!: number;

  @ApiProperty({ description: 'Of them, signed in at least once in the period' })
  activeUsers!: number;

  @ApiProperty({ description: 'Successful sign-ins in the period' })
  logins!: number;

  @ApiProperty({ description: 'Records written (created, changed, deleted) in the period' })
  writes!: number;
}

export class UserUsage {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  login!: string;

  @ApiProperty()
  fullName!: string;

  @ApiProperty({ enum: Role, enumName: 'Role', isArray: true })
  roles!: Role[];

  @ApiProperty({ enum: ['active', 'disabled'] })
  status!: string;

  @ApiProperty({ format: 'date-time', nullable: true, description: 'Last successful sign-in, ever' })
  lastLoginAt!: string | null;

  @ApiProperty({ description: 'Successful sign-ins in the period' })
  logins!: number;

  @ApiProperty({ description: 'Records written in the period' })
  writes!: number;
}

export class UserUsagePage {
  @ApiProperty({ type: [UserUsage] })
  items!: UserUsage[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

/** Usage monitoring (§4.1.6, §4.6.6): activity per role and per user over a period. */
export class UsageResponse {
  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty({ type: [RoleUsage], description: 'A user with several roles counts under each of them' })
  byRole!: RoleUsage[];

  @ApiProperty({ type: UserUsagePage, description: 'Per user, by full name (Russian alphabetical order)' })
  users!: UserUsagePage;
}
