import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, hasRole } from '../common/access/actor';
import { Role } from '../common/access/role';
import { conflict, notFound } from '../common/errors/problem';
import { JobResponse } from './dto/job.response';
import { JobStatus } from './entities/job.entity';
import { InlineJobRunner } from './inline-job-runner';
import { JobQueues } from './job-queues';
import { JOB_QUEUE, JobType } from './job-type';
import { QueueName } from './queue-name';

export interface NewJob {
  type: JobType;
  params: object;
  schoolId: string;
  requestedBy: string;
}

/** The row that create() wrote, as dispatch() needs it. */
export interface CreatedJob {
  id: string;
  type: JobType;
  queue: QueueName;
}

export interface JobFileContent {
  fileName: string;
  contentType: string;
  size: number;
  content: Buffer;
}

interface JobRow {
  id: string;
  type: JobType;
  status: JobStatus;
  progress: number;
  attempts: number;
  error: string | null;
  result: Record<string, unknown> | null;
  has_file: boolean;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export const jobLinks = (id: string) => ({ self: `/api/v1/jobs/${id}`, file: `/api/v1/jobs/${id}/file` });

/** Who may see a job: its requester and the school's admin (anyone else, any other school: not found). */
const VISIBLE = `j.id = $1 AND j.school_id = $2 AND (j.requested_by = $3 OR $4::boolean)`;

/**
 * Jobs as an outbox: create() writes the row in the caller's transaction, dispatch() after the commit puts it on its
 * BullMQ queue (or wakes the in-process runner when there is no Redis). A job that cannot reach Redis stays
 * undispatched and the relay puts it on the queue later.
 */
@Injectable()
export class JobsService {
  private readonly logger = new Logger('JobsService');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() private readonly queues?: JobQueues,
    @Optional() private readonly inline?: InlineJobRunner,
  ) {}

  /** Writes the job row inside the caller's transaction (`m`), status queued. Call dispatch() after the commit. */
  async create(m: EntityManager, job: NewJob): Promise<CreatedJob> {
    const queue = JOB_QUEUE[job.type];
    const rows = (await m.query(
      `INSERT INTO job (school_id, type, queue, params, requested_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [job.schoolId, job.type, queue, JSON.stringify(job.params ?? {}), job.requestedBy],
    )) as Array<{ id: string }>;
    return { id: rows[0].id, type: job.type, queue };
  }

  /**
   * Puts a committed job on its queue (BullMQ job id = row id, so a second add is a no-op) and stamps dispatched_at.
   * Never throws: when Redis is unreachable it fails fast, logs, and leaves the row to the relay. Returns whether
   * the job reached Redis (always false without Redis, where the in-process runner is woken instead).
   */
  async dispatch(job: CreatedJob): Promise<boolean> {
    if (!this.queues) {
      this.inline?.kick();
      return false;
    }
    try {
      await this.queues.add(job.queue, job.type, job.id);
    } catch (e) {
      this.logger.warn(`job ${job.id} not dispatched, the relay will retry: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
    await this.db.transaction((m) => m.query('UPDATE job SET dispatched_at = now() WHERE id = $1 AND dispatched_at IS NULL', [job.id]));
    return true;
  }

  async get(actor: Actor, jobId: string): Promise<JobResponse> {
    const rows = (await this.db.query(
      `SELECT j.id, j.type, j.status, j.progress, j.attempts, j.error, j.result, j.created_at, j.started_at, j.finished_at,
              EXISTS (SELECT 1 FROM job_file f WHERE f.job_id = j.id) AS has_file
         FROM job j WHERE ${VISIBLE}`,
      [jobId, actor.schoolId, actor.userId, hasRole(actor, Role.Admin)],
    )) as JobRow[];
    if (rows.length === 0) throw notFound('Job');
    return toResponse(rows[0]);
  }

  /** The finished job's file; 409 job-not-finished before it succeeded. */
  async file(actor: Actor, jobId: string): Promise<JobFileContent> {
    const rows = (await this.db.query(
      `SELECT j.status, f.file_name, f.content_type, f.size, f.content
         FROM job j LEFT JOIN job_file f ON f.job_id = j.id
        WHERE ${VISIBLE}`,
      [jobId, actor.schoolId, actor.userId, hasRole(actor, Role.Admin)],
    )) as Array<{ status: JobStatus; file_name: string | null; content_type: string; size: number; content: Buffer | null }>;
    const row = rows[0];
    if (!row) throw notFound('Job');
    if (row.status !== JobStatus.Succeeded) {
      throw conflict('job-not-finished', `The job is ${row.status}; its file can be downloaded once it has succeeded`, { status: row.status });
    }
    if (!row.file_name || !row.content) throw notFound('File of the job');
    return { fileName: row.file_name, contentType: row.content_type, size: row.size, content: row.content };
  }
}

export function toResponse(r: JobRow): JobResponse {
  return {
    id: r.id,
    type: r.type,
    status: r.status,
    progress: r.progress,
    attempts: r.attempts,
    error: r.error,
    result: r.result,
    hasFile: r.has_file,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    links: jobLinks(r.id),
  };
}
