import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runWithContext, systemContext } from '../common/context/request-context';
import { JobFailure } from './job-failure';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobOutput } from './job-processor';
import { backoffDelay } from './job-retry';

/** Which run this is: given by the BullMQ worker (its attempt count) or by the in-process runner (the row's). */
export interface RunAttempt {
  /** 1-based */
  attempt: number;
  /** whether a failure now is the last one allowed */
  final: boolean;
  /** also told to BullMQ (the dashboard shows it) */
  onProgress?: (percent: number) => Promise<void> | void;
}

export type RunResult = 'succeeded' | 'skipped';

interface ClaimedRow {
  id: string;
  type: string;
  school_id: string;
  requested_by: string;
  params: Record<string, unknown>;
}

const MAX_ERROR_LENGTH = 2000;

/**
 * Runs one job: shared by the BullMQ worker and the in-process runner. Idempotent: a job already finished is skipped,
 * and a job run twice leaves one result and one file (the last run's). A handler's JobFailure fails the job at once;
 * any other error is recorded and rethrown for a retry (the job fails for good when `final`).
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger('JobRunner');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly handlers: JobHandlerRegistry,
  ) {}

  async run(jobId: string, attempt: RunAttempt): Promise<RunResult> {
    return runWithContext(systemContext(`job:${jobId}`), async () => {
      const claimed = await this.claim(jobId, attempt.attempt);
      if (claimed === 'skipped') return 'skipped';
      const job = claimed;
      const handler = this.handlers.get(job.type);
      try {
        if (!handler) throw new JobFailure(`Неизвестный тип задания: ${job.type}`);
        const output = await runWithContext(systemContext(`job:${job.id}`, job.school_id), () =>
          handler.run({
            jobId: job.id,
            schoolId: job.school_id,
            requestedBy: job.requested_by,
            params: job.params,
            attempt: attempt.attempt,
            progress: async (percent) => {
              const p = Math.max(0, Math.min(100, Math.round(percent)));
              await this.setProgress(job.id, p);
              await attempt.onProgress?.(p);
            },
          }),
        );
        await this.succeed(job, output);
        return 'succeeded';
      } catch (e) {
        await this.recordFailure(job.id, e, attempt);
        throw e;
      }
    });
  }

  /** Marks the job running and counts the start; 'skipped' when it is already finished (or gone). */
  private async claim(jobId: string, attempt: number): Promise<ClaimedRow | 'skipped'> {
    const rows = (await this.db.transaction((m) =>
      m.query(
        `UPDATE job SET status = 'running', started_at = coalesce(started_at, now()), attempts = greatest(attempts + 1, $2),
                        run_after = NULL, updated_at = now()
          WHERE id = $1 AND status IN ('queued', 'running')
          RETURNING id, type, school_id, requested_by, params`,
        [jobId, attempt],
      ),
    )) as [ClaimedRow[], number];
    const row = rows[0][0];
    if (row) return row;
    const existing = (await this.db.query('SELECT status FROM job WHERE id = $1', [jobId])) as Array<{ status: string }>;
    if (existing.length === 0) throw new JobFailure(`Задание ${jobId} не найдено`);
    this.logger.log(`job ${jobId} is already ${existing[0].status}; not run again`);
    return 'skipped';
  }

  private setProgress(jobId: string, percent: number): Promise<unknown> {
    return this.db.transaction((m) =>
      m.query(`UPDATE job SET progress = $2, updated_at = now() WHERE id = $1 AND status = 'running'`, [jobId, percent]),
    );
  }

  /** File, result and status in one transaction: a run either leaves all of them or none. */
  private async succeed(job: ClaimedRow, output: JobOutput): Promise<void> {
    await this.db.transaction(async (m) => {
      if (output.file) {
        const f = output.file;
        await m.query(
          `INSERT INTO job_file (job_id, school_id, file_name, content_type, size, content) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (job_id) DO UPDATE SET file_name = EXCLUDED.file_name, content_type = EXCLUDED.content_type,
             size = EXCLUDED.size, content = EXCLUDED.content, created_at = now()`,
          [job.id, job.school_id, f.fileName, f.contentType, f.content.length, f.content],
        );
      } else {
        await m.query('DELETE FROM job_file WHERE job_id = $1', [job.id]);
      }
      await m.query(
        `UPDATE job SET status = 'succeeded', result = $2, error = NULL, progress = 100, finished_at = now(), updated_at = now()
          WHERE id = $1`,
        [job.id, output.result ? JSON.stringify(output.result) : null],
      );
    });
  }

  private async recordFailure(jobId: string, e: unknown, attempt: RunAttempt): Promise<void> {
    const unrecoverable = e instanceof JobFailure;
    const message = (e instanceof Error ? e.message : String(e)).slice(0, MAX_ERROR_LENGTH);
    if (unrecoverable || attempt.final) {
      this.logger.warn(`job ${jobId} failed (attempt ${attempt.attempt}${unrecoverable ? ', unrecoverable' : ', last'}): ${message}`);
      await this.markFailed(jobId, message);
    } else {
      this.logger.warn(`job ${jobId} attempt ${attempt.attempt} failed, will retry: ${message}`);
      const delay = backoffDelay(attempt.attempt);
      await this.db.transaction((m) =>
        m.query(
          `UPDATE job SET status = 'queued', error = $2, run_after = now() + make_interval(secs => $3::double precision / 1000),
                          updated_at = now()
            WHERE id = $1 AND status = 'running'`,
          [jobId, message, delay],
        ),
      );
    }
  }

  /** Final failure; also used when BullMQ gives a job up without running it (stalled too often). */
  async markFailed(jobId: string, message: string): Promise<void> {
    await runWithContext(systemContext(`job:${jobId}`), () =>
      this.db.transaction((m) =>
        m.query(
          `UPDATE job SET status = 'failed', error = $2, finished_at = now(), run_after = NULL, updated_at = now()
            WHERE id = $1 AND status IN ('queued', 'running')`,
          [jobId, message.slice(0, MAX_ERROR_LENGTH)],
        ),
      ),
    );
  }
}
