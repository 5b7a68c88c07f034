import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { OutageLog } from '../common/redis/outage-log';
import { AppConfig } from '../config/app-config';
import { JOB_ATTEMPTS, JOB_BACKOFF } from './job-retry';
import { QueueName } from './queue-name';

/** How long putting a job on a queue may take before we give up and leave it to the relay. */
export const DISPATCH_TIMEOUT_MS = 2000;

/** Completed and failed jobs are kept in Redis for the dashboard for a while; the job row is the record. */
const KEEP_COMPLETED = { age: 24 * 3600, count: 1000 };
const KEEP_FAILED = { age: 7 * 24 * 3600, count: 1000 };

/**
 * The BullMQ queues (with REDIS_URL only), on a connection of their own that fails fast: no offline queue and a short
 * connect timeout, so a request whose job cannot reach Redis answers at once and leaves the row to the relay.
 */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  private readonly logger = new Logger('JobQueues');
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly outages = new OutageLog(this.logger, 'Redis for the job queues');

  constructor(private readonly config: AppConfig) {
    this.connection = new Redis(config.REDIS_URL as string, {
      enableOfflineQueue: false,
      connectTimeout: DISPATCH_TIMEOUT_MS,
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.outages.watch(this.connection);
  }

  get prefix(): string {
    return this.config.REDIS_PREFIX;
  }

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, {
        connection: this.connection,
        prefix: this.config.REDIS_PREFIX,
        skipWaitingForReady: true,
        defaultJobOptions: { attempts: JOB_ATTEMPTS, backoff: JOB_BACKOFF, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
      });
      q.on('error', (e: Error) => this.outages.error(e));
      this.queues.set(name, q);
    }
    return q;
  }

  all(names: readonly QueueName[]): Queue[] {
    return names.map((n) => this.queue(n));
  }

  /** Puts a job on its queue with the row id as BullMQ job id (a second add of the same id is a no-op). */
  async add(queue: QueueName, type: string, jobId: string): Promise<void> {
    if (this.connection.status !== 'ready') throw new Error(`Redis is not connected (${this.connection.status})`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${DISPATCH_TIMEOUT_MS} ms`)), DISPATCH_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.queue(queue).add(type, { jobRowId: jobId }, { jobId }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.connection.disconnect();
  }
}
