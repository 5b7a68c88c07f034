import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum AuditOutcome {
  Success = 'success',
  Failure = 'failure',
  Denied = 'denied',
}

/**
 * One line of the audit trail (журнал действий). Append-only in the database: triggers refuse UPDATE, DELETE and
 * TRUNCATE. Row writes of audited tables are recorded by the `audit_row_change()` trigger in the same transaction
 * (so a write whose audit row fails is rolled back); sign-ins, sessions and personal-data reads by AuditService.
 */
@Entity('audit_event')
@Index('ix_audit_event_school', ['schoolId', 'id'])
@Index('ix_audit_event_actor_time', ['actorUserId', 'occurredAt'])
@Index('ix_audit_event_subject_time', ['subjectPersonId', 'occurredAt'])
@Check('ck_audit_event_outcome', `"outcome" IN ('success', 'failure', 'denied')`)
export class AuditEvent {
  /** increasing; bigint, returned as a string */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** server time of the write (clock time, not transaction start) */
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** the roles the actor held at the time */
  @Column({ type: 'varchar', length: 20, array: true, default: () => "'{}'" })
  actorRoles!: string[];

  @Column({ type: 'uuid', nullable: true })
  sessionId!: string | null;

  /** create, update, delete, login, login-failed, refresh, logout, password-change, session-end, personal-data-read, … */
  @Column({ type: 'varchar', length: 40 })
  action!: string;

  @Column({ type: 'varchar', length: 10, default: AuditOutcome.Success })
  outcome!: AuditOutcome;

  /** the table or record kind concerned, e.g. app_user, study_period */
  @Column({ type: 'varchar', length: 60, nullable: true })
  entity!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  entityId!: string | null;

  /** the person whose data this is about (a user, later a student or guardian) */
  @Column({ type: 'uuid', nullable: true })
  subjectPersonId!: string | null;

  /** changed fields: {field: value} on create and delete, {field: {from, to}} on update; secrets shown as "***" */
  @Column({ type: 'jsonb', nullable: true })
  changes!: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  clientIp!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  requestId!: string | null;

  /** system work without a user: seed, job:<id> */
  @Column({ type: 'varchar', length: 60, nullable: true })
  system!: string | null;

  /** anything else worth keeping (the login tried, the reason of a failure); never secrets */
  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;
}
