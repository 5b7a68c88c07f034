import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { ConfigError, loadConfig } from './config/app-config';
import { prepareRuntime } from './database/runtime';
import { ACTIVE_QUEUES } from './jobs/job-worker-host';
import { WorkerModule } from './worker.module';

/**
 * The worker: a Nest application context (no HTTP) that runs the job handlers from the BullMQ queues
 * (JobsModule in worker mode). It needs DATABASE_URL, and REDIS_URL to have anything to do. Start-up fails with a
 * clear message when a job type has no handler or several. SIGTERM/SIGINT: no new jobs; running ones get
 * JOB_SHUTDOWN_TIMEOUT_MS to finish; exit 0.
 */
async function bootstrap(): Promise<void> {
  const runtime = await prepareRuntime(loadConfig(), (m) => process.stdout.write(`${m}\n`), { allowEmbedded: false });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(runtime.config), { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  const logger = new Logger('Worker');
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: finishing running jobs and stopping`);
    setTimeout(() => process.exit(1), runtime.config.JOB_SHUTDOWN_TIMEOUT_MS + 10_000).unref();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.init();
  logger.log(
    runtime.config.REDIS_URL
      ? `Worker ready for the queues ${ACTIVE_QUEUES.join(', ')} (Redis key prefix ${runtime.config.REDIS_PREFIX})`
      : 'Worker ready; REDIS_URL is not set, so there is no queue to take jobs from (the api runs them inline)',
  );
}

bootstrap().catch((e: unknown) => {
  process.stderr.write(
    e instanceof ConfigError ? `${e.message}\n` : `Worker start-up failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exit(1);
});
