import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsEnum, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '../../../common/pagination/pagination';
import { IsIsoDate } from '../../../common/validation/validators';
import { AuditAction } from '../audit-action';
import { Optional } from '../../../common/validation/optional';

/** Which audit events: by actor, by the person the data is about, by record kind, by action, by period. */
export class AuditEventFilter {
  @ApiPropertyOptional({ format: 'uuid', description: 'The user who acted' })
  @Optional()
  @IsUUID()
  actorUserId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The person whose data was read or written' })
  @Optional()
  @IsUUID()
  subjectPersonId?: string;

  @ApiPropertyOptional({ example: 'app_user', description: 'Record kind (table), e.g. app_user, study_period' })
  @Optional()
  @Matches(/^[a-z][a-z_]{0,59}$/, { message: 'must be a record kind such as app_user' })
  entity?: string;

  @ApiPropertyOptional({ enum: AuditAction, enumName: 'AuditAction' })
  @Optional()
  @IsEnum(AuditAction)
  action?: AuditAction;

  /** First day of the period (school-local date), inclusive. */
  @Optional()
  @IsIsoDate({ api: { required: false, description: 'First day of the period, inclusive (school-local date)' } })
  from?: string;

  /** Last day of the period (school-local date), inclusive. */
  @Optional()
  @IsIsoDate({ api: { required: false, description: 'Last day of the period, inclusive (school-local date)' } })
  to?: string;
}

export class AuditEventListQuery extends IntersectionType(PageQuery, AuditEventFilter) {}
