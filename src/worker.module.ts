import { ScheduleSourcesModule } from './common/schedule-sources/schedule-sources';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { loggerOptions } from './common/http/logger-options';
import { RedisModule } from './common/redis/redis.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { databaseModule } from './database/database.module';
import { ENTITIES } from './database/entities';
import { JOB_HANDLER_MODULES } from './job-handler-modules';
import { JobsModule } from './jobs/jobs.module';
import { AuditModule } from './modules/audit/audit.module';

/**
 * The worker's modules: configuration, logs, database, Redis, the audit trail (handlers record into it), the job
 * pipeline in worker mode (BullMQ workers, relay) and the same handler modules as the api.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        databaseModule(config, 'ejournal-worker'),
        // every entity, so that relations between modules resolve whatever subset of modules the worker loads
        TypeOrmModule.forFeature(ENTITIES),
        RedisModule,
        ScheduleSourcesModule,
        AuditModule,
        JobsModule.forRoot(config, 'worker'),
        ...JOB_HANDLER_MODULES,
      ],
    };
  }
}
