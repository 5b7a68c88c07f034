import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runWithContext, systemContext } from '../common/context/request-context';
import { AppConfig } from '../config/app-config';
import { JobQueues } from './job-queues';
import { QueueName } from './queue-name';

const BATCH = 100;

/**
 * The outbox relay (with REDIS_URL, in the api and in the worker): once at start-up and every JOB_RELAY_INTERVAL_MS,
 * puts jobs that never reached Redis (queued, dispatched_at null) on their queue. Rows are taken with
 * FOR UPDATE SKIP LOCKED, so two instances never relay the same row at once; a duplicate add would be a no-op anyway
 * (BullMQ job id = row id).
 */
@Injectable()
export class JobRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('JobRelay');
  private timer?: NodeJS.Timeout;
  private pass?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: JobQueues,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.JOB_RELAY_INTERVAL_MS);
    this.timer.unref();
    this.tick();
  }

  private tick(): void {
    if (this.pass) return;
    this.pass = this.relayOnce()
      .catch((e: unknown) => this.logger.warn(`relay pass failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => (this.pass = undefined));
  }

  /** One pass; returns how many jobs reached Redis. Stops at the first job Redis does not take. */
  async relayOnce(): Promise<number> {
    return runWithContext(systemContext('job-relay'), () =>
      this.db.transaction(async (m) => {
        const rows = (await m.query(
          `SELECT id, type, queue FROM job WHERE status = 'queued' AND dispatched_at IS NULL
            ORDER BY created_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        )) as Array<{ id: string; type: string; queue: QueueName }>;
        const sent: string[] = [];
        for (const row of rows) {
          try {
            await this.queues.add(row.queue, row.type, row.id);
          } catch {
            break; // Redis is still away: the next pass tries again
          }
          sent.push(row.id);
        }
        if (sent.length > 0) {
          await m.query('UPDATE job SET dispatched_at = now() WHERE id = ANY($1::uuid[])', [sent]);
          this.logger.log(`relayed ${sent.length} job(s) to Redis`);
        }
        return sent.length;
      }),
    );
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.pass;
  }
}
