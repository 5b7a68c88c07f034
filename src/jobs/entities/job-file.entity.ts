import { ApiHideProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne } from 'typeorm';
import { Job } from './job.entity';

/**
 * The file a job produced (a report), kept in PostgreSQL so that any api instance can serve it.
 * At most one per job: a job run twice overwrites its file (INSERT … ON CONFLICT (job_id) DO UPDATE).
 */
@Entity('job_file')
export class JobFile {
  @Column({ type: 'uuid', primary: true })
  jobId!: string;

  @ApiHideProperty()
  @OneToOne(() => Job, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'job_id' })
  job?: Job;

  @Column({ type: 'uuid' })
  schoolId!: string;

  /** as offered for download, UTF-8 (Russian names are normal) */
  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'varchar', length: 100 })
  contentType!: string;

  /** bytes */
  @Column({ type: 'int' })
  size!: number;

  @ApiHideProperty()
  @Column({ type: 'bytea', select: false })
  content!: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
