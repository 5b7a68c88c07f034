import { ApiProperty } from '@nestjs/swagger';
import { AuditAction } from '../audit-action';
import { AuditOutcome } from '../entities/audit-event.entity';

export class AuditActor {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  login!: string;

  @ApiProperty({ example: 'Иванова Мария Петровна' })
  fullName!: string;
}

/** One event of the audit trail. */
export class AuditEventResponse {
  @ApiProperty({ example: '1024', description: 'Increasing identifier (a string: 64-bit)' })
  id!: string;

  @ApiProperty({ format: 'date-time', description: 'Server time of the event' })
  occurredAt!: string;

  @ApiProperty({ type: AuditActor, nullable: true, description: 'null for anonymous attempts and system work' })
  actor!: AuditActor | null;

  @ApiProperty({ type: [String], example: ['teacher', 'deputy'], description: 'Roles the actor held at the time' })
  actorRoles!: string[];

  @ApiProperty({ format: 'uuid', nullable: true })
  sessionId!: string | null;

  @ApiProperty({ enum: AuditAction, enumName: 'AuditAction' })
  action!: AuditAction;

  @ApiProperty({ enum: AuditOutcome, enumName: 'AuditOutcome' })
  outcome!: AuditOutcome;

  @ApiProperty({ nullable: true, example: 'study_period' })
  entity!: string | null;

  @ApiProperty({ nullable: true })
  entityId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, description: 'The person whose data this is about' })
  subjectPersonId!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Changed fields: {field: value} on create and delete, {field: {from, to}} on update; secrets as "***"',
  })
  changes!: Record<string, unknown> | null;

  @ApiProperty({ nullable: true, example: '192.0.2.10' })
  clientIp!: string | null;

  @ApiProperty({ nullable: true })
  requestId!: string | null;

  @ApiProperty({ nullable: true, example: 'seed', description: 'System work without a user (seed, job:<id>)' })
  system!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  details!: Record<string, unknown> | null;
}
