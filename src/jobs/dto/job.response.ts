import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JobStatus } from '../entities/job.entity';
import { JobType } from '../job-type';

export class JobLinks {
  /** status and progress: GET this until `status` is succeeded or failed */
  @ApiProperty({ example: '/api/v1/jobs/0f8fad5b-d9cb-469f-a165-70867728950e' })
  self!: string;

  /** the produced file, once `status` is succeeded and `hasFile` is true */
  @ApiProperty({ example: '/api/v1/jobs/0f8fad5b-d9cb-469f-a165-70867728950e/file' })
  file!: string;
}

/** A background job as its requester sees it. */
export class JobResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: JobType, enumName: 'JobType' })
  type!: JobType;

  @ApiProperty({ enum: JobStatus, enumName: 'JobStatus', description: 'queued → running → succeeded | failed (a retry waits as queued)' })
  status!: JobStatus;

  /** 0–100 */
  @ApiProperty({ minimum: 0, maximum: 100 })
  progress!: number;

  /** runs started so far (retries included) */
  attempts!: number;

  /** why the job failed, or why the last attempt failed while a retry waits */
  @ApiProperty({ type: String, nullable: true })
  error!: string | null;

  /** small result of a finished job (e.g. the number of rows exported) */
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  result!: Record<string, unknown> | null;

  /** whether a file can be downloaded from `links.file` */
  hasFile!: boolean;

  createdAt!: Date;

  @ApiProperty({ type: Date, nullable: true })
  startedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  finishedAt!: Date | null;

  links!: JobLinks;
}
