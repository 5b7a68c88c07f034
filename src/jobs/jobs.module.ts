import { DynamicModule, Module, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { JobFile } from './entities/job-file.entity';
import { Job } from './entities/job.entity';
import { InlineJobRunner } from './inline-job-runner';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobQueues } from './job-queues';
import { JobRelay } from './job-relay';
import { JobRunner } from './job-runner';
import { JobWorkerHost } from './job-worker-host';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

/** 'api': the HTTP process (enqueues; runs jobs itself without Redis). 'worker': the BullMQ worker process. */
export type JobsMode = 'api' | 'worker';

/**
 * The job pipeline; global so that feature modules inject JobsService. Which parts run depends on the process and on
 * REDIS_URL:
 * - api with Redis: queues + relay (the worker runs the jobs);
 * - api without Redis: the in-process runner (same JobRunner and handlers);
 * - worker (needs Redis to do anything): queues + relay + BullMQ workers.
 * Every mode checks at start-up that each JobType has exactly one @JobHandler.
 */
@Module({})
export class JobsModule {
  static forRoot(config: AppConfig, mode: JobsMode): DynamicModule {
    const providers: Provider[] = [JobsService, JobRunner, JobHandlerRegistry];
    if (config.REDIS_URL) {
      providers.push(JobQueues, JobRelay);
      if (mode === 'worker') providers.push(JobWorkerHost);
    } else if (mode === 'api') {
      providers.push(InlineJobRunner);
    }
    return {
      module: JobsModule,
      global: true,
      imports: [DiscoveryModule, TypeOrmModule.forFeature([Job, JobFile])],
      controllers: mode === 'api' ? [JobsController] : [],
      providers,
      exports: [JobsService, JobRunner, ...(config.REDIS_URL ? [JobQueues] : []), ...(mode === 'worker' && config.REDIS_URL ? [JobWorkerHost] : [])],
    };
  }
}
