import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Job as BullJob, UnrecoverableError, Worker } from 'bullmq';
import Redis from 'ioredis';
import { OutageLog } from '../common/redis/outage-log';
import { AppConfig } from '../config/app-config';
import { JobFailure } from './job-failure';
import { JobRunner } from './job-runner';
import { JOB_QUEUE } from './job-type';
import { QueueName } from './queue-name';

/** The queues that have at least one job type: the worker listens on these. */
export const ACTIVE_QUEUES: readonly QueueName[] = [...new Set(Object.values(JOB_QUEUE))];

/**
 * The worker process's BullMQ Workers, one per active queue (JOB_CONCURRENCY jobs at once each). A job whose worker
 * died (kill -9) keeps its lock for JOB_LOCK_DURATION_MS; the stalled check (same interval) then puts it back on the
 * queue and it runs again. On shutdown: no new jobs, running ones get JOB_SHUTDOWN_TIMEOUT_MS to finish.
 */
@Injectable()
export class JobWorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('JobWorker');
  private readonly workers: Worker[] = [];
  private connection?: Redis;

  constructor(
    private readonly runner: JobRunner,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // workers block on their connection: no retry limit per request (BullMQ requires it)
    const outages = new OutageLog(this.logger, 'Redis for the worker');
    this.connection = outages.watch(new Redis(this.config.REDIS_URL as string, { maxRetriesPerRequest: null }));
    for (const name of ACTIVE_QUEUES) {
      const worker = new Worker(name, (job: BullJob) => this.process(job), {
        connection: this.connection,
        prefix: this.config.REDIS_PREFIX,
        concurrency: this.config.JOB_CONCURRENCY,
        lockDuration: this.config.JOB_LOCK_DURATION_MS,
        stalledInterval: this.config.JOB_LOCK_DURATION_MS,
        maxStalledCount: 2,
        autorun: false,
      });
      worker.on('error', (e: Error) => outages.error(e));
      worker.on('failed', (job, e) => void this.onFailed(job, e));
      this.workers.push(worker);
      void worker.run().catch((e: unknown) => this.logger.error(`worker ${name} stopped: ${String(e)}`));
    }
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
  }

  get queueNames(): readonly QueueName[] {
    return ACTIVE_QUEUES;
  }

  private async process(job: BullJob): Promise<string> {
    const attempt = job.attemptsMade + 1;
    try {
      return await this.runner.run(job.id as string, {
        attempt,
        final: attempt >= (job.opts.attempts ?? 1),
        onProgress: (p) => job.updateProgress(p),
      });
    } catch (e) {
      // BullMQ retries anything but UnrecoverableError
      if (e instanceof JobFailure) throw new UnrecoverableError(e.message);
      throw e;
    }
  }

  /** A job BullMQ gave up without our runner deciding it (stalled too often): the row must not stay running. */
  private async onFailed(job: BullJob | undefined, e: Error): Promise<void> {
    if (!job?.id) return;
    const exhausted = job.attemptsMade >= (job.opts.attempts ?? 1) || e instanceof UnrecoverableError || /stalled/i.test(e.message);
    if (exhausted) await this.runner.markFailed(job.id, e.message).catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.workers.length === 0) return;
    this.logger.log(`closing: waiting up to ${this.config.JOB_SHUTDOWN_TIMEOUT_MS} ms for running jobs`);
    let timer: NodeJS.Timeout | undefined;
    const graceful = Promise.all(this.workers.map((w) => w.close())).then(() => true);
    const timedOut = new Promise<boolean>((ok) => (timer = setTimeout(() => ok(false), this.config.JOB_SHUTDOWN_TIMEOUT_MS)));
    const finished = await Promise.race([graceful, timedOut]);
    clearTimeout(timer);
    if (!finished) {
      this.logger.warn('running jobs did not finish in time; stopping them (they run again later)');
      await Promise.all(this.workers.map((w) => w.close(true).catch(() => undefined)));
    }
    this.connection?.disconnect();
  }
}
