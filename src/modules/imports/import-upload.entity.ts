import { ApiHideProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne } from 'typeorm';
import { Job } from '../../jobs/entities/job.entity';

/**
 * The file of an import (загруженный файл импорта), kept in PostgreSQL until its job has run, so that any worker
 * can read it and a retried run reads the same bytes. One per import job; removed with the job.
 * Bookkeeping like job_file (no audit row trigger: the rows the import writes are audited themselves).
 */
@Entity('import_upload')
export class ImportUpload {
  @Column({ type: 'uuid', primary: true })
  jobId!: string;

  @ApiHideProperty()
  @OneToOne(() => Job, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'job_id' })
  job?: Job;

  @Column({ type: 'uuid' })
  schoolId!: string;

  /** as the client named it (X-File-Name header), or a default */
  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'varchar', length: 100 })
  contentType!: string;

  /** bytes */
  @Column({ type: 'int' })
  size!: number;

  /** hex SHA-256 of the content, shown in the report */
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @ApiHideProperty()
  @Column({ type: 'bytea', select: false })
  content!: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
