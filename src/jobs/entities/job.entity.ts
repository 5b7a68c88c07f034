import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../database/tenant.entity';
import { User } from '../../modules/auth/entities/user.entity';

export enum JobStatus {
  Queued = 'queued',
  Running = 'running',
  Succeeded = 'succeeded',
  Failed = 'failed',
}

/**
 * Фоновое задание: a background job. First a row, written in the transaction of the request that caused it
 * (the outbox); then put on its BullMQ queue (dispatched_at), or taken by the in-process runner without Redis.
 * Bookkeeping, not school data: no audit row trigger (the request that causes a job records its own audit event).
 */
@Entity('job')
@Index('ix_job_relay', ['status', 'dispatchedAt'])
@Index('ix_job_school_requester', ['schoolId', 'requestedBy', 'createdAt'])
@Check('ck_job_status', `"status" IN ('queued', 'running', 'succeeded', 'failed')`)
@Check('ck_job_progress', `"progress" BETWEEN 0 AND 100`)
export class Job extends TenantEntity {
  /** a JobType, e.g. audit-export */
  @Column({ type: 'varchar', length: 60 })
  type!: string;

  /** the BullMQ queue of the type */
  @Column({ type: 'varchar', length: 40 })
  queue!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  params!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 10, default: JobStatus.Queued })
  status!: JobStatus;

  /** 0–100 */
  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  /** how many times a runner started it */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'jsonb', nullable: true })
  result!: Record<string, unknown> | null;

  /** the reason of the last failure (kept while a retry waits) */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'uuid' })
  requestedBy!: string;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'requested_by' })
  requester?: User;

  /** when it reached Redis; null while it has not (no Redis, or Redis was down): the relay's work list */
  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  /** the in-process runner (no Redis) takes a retried job again only after this time (exponential backoff) */
  @Column({ type: 'timestamptz', nullable: true })
  runAfter!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
