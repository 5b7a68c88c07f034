import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runWithContext, systemContext } from '../common/context/request-context';
import { AppConfig } from '../config/app-config';
import { JobRunner } from './job-runner';
import { isFinalAttempt } from './job-retry';

/** How often the in-process runner looks for due jobs (besides the kick it gets from each dispatch). */
export const INLINE_POLL_MS = 1000;
/** A running job whose row has not moved (no progress) for this long is taken as abandoned (its process died). */
export const INLINE_STALE_MINUTES = 10;
/** main.ts forces the exit 15 s after SIGTERM: the in-process runner waits less than that. */
const INLINE_SHUTDOWN_CAP_MS = 10_000;

/**
 * Without REDIS_URL, jobs run inside the api process, through the same JobRunner and handlers as in the worker.
 * Jobs are taken from PostgreSQL with FOR UPDATE SKIP LOCKED, so several api instances share them without taking one
 * twice. Retries follow the same policy: a failed attempt puts the row back to queued with run_after = now() + backoff,
 * and the poll takes it again when due. A job whose api process died mid-run is taken again once its row has not
 * changed for INLINE_STALE_MINUTES (handlers report progress, which touches the row; a second run is harmless).
 */
@Injectable()
export class InlineJobRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('InlineJobRunner');
  private timer?: NodeJS.Timeout;
  private readonly running = new Set<Promise<unknown>>();
  private polling = false;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runner: JobRunner,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), INLINE_POLL_MS);
    this.timer.unref();
    this.kick();
  }

  /** Look for due jobs now (called after each dispatch). */
  kick(): void {
    if (this.stopped) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    this.polling = true;
    void this.poll()
      .catch((e: unknown) => this.logger.error(`taking jobs failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        this.polling = false;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async poll(): Promise<void> {
    while (!this.stopped && this.running.size < this.config.JOB_CONCURRENCY) {
      const taken = await this.take();
      if (!taken) return;
      const attempt = taken.attempts + 1;
      const run = this.runner
        .run(taken.id, { attempt, final: isFinalAttempt(attempt) })
        .catch(() => undefined) // recorded on the row by the runner
        .finally(() => {
          this.running.delete(run);
          this.kick();
        });
      this.running.add(run);
    }
  }

  /** One due job, marked running so that no other instance takes it. */
  private async take(): Promise<{ id: string; attempts: number } | null> {
    const result = (await runWithContext(systemContext('job-runner'), () =>
      this.db.transaction((m) =>
        m.query(
          `UPDATE job SET status = 'running', updated_at = now()
            WHERE id = (SELECT id FROM job
                         WHERE (status = 'queued' AND (run_after IS NULL OR run_after <= now()))
                            OR (status = 'running' AND updated_at < now() - make_interval(mins => ${INLINE_STALE_MINUTES}))
                         ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id, attempts`,
        ),
      ),
    )) as [Array<{ id: string; attempts: number }>, number];
    return result[0][0] ?? null;
  }

  /** Shutdown: take nothing more, let running jobs finish within JOB_SHUTDOWN_TIMEOUT_MS (at most 10 s here). */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all([...this.running]),
      new Promise((ok) => (timer = setTimeout(ok, Math.min(this.config.JOB_SHUTDOWN_TIMEOUT_MS, INLINE_SHUTDOWN_CAP_MS)))),
    ]);
    clearTimeout(timer);
  }
}
