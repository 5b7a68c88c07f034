import { JournalModule } from './modules/journal/journal.module';
import { AttendanceModule } from './modules/attendance/attendance.module';
import { HomeworkModule } from './modules/homework/homework.module';
import { DiaryModule } from './modules/diary/diary.module';
import { LessonsModule } from './modules/lessons/lessons.module';
import { ScheduleSourcesModule } from './common/schedule-sources/schedule-sources';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { RequestContextInterceptor } from './common/context/request-context.interceptor';
import { ProblemExceptionFilter } from './common/errors/problem-exception.filter';
import { loggerOptions } from './common/http/logger-options';
import { RedisModule } from './common/redis/redis.module';
import { createValidationPipe } from './common/validation/validation.pipe';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { databaseModule } from './database/database.module';
import { SeedModule } from './database/seed/seed.module';
import { JOB_HANDLER_MODULES } from './job-handler-modules';
import { JobsModule } from './jobs/jobs.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { ContingentModule } from './modules/contingent/contingent.module';
import { InvitationsModule } from './modules/invitations/invitations.module';
import { HealthModule } from './modules/health/health.module';
import { MessagingModule } from './modules/messaging/messaging.module';
import { ScheduleModule } from './modules/schedule/schedule.module';
import { PlanningModule } from './modules/planning/planning.module';
import { SchoolModule } from './modules/school/school.module';
import { UsersModule } from './modules/users/users.module';

/** The HTTP API. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        databaseModule(config, 'ejournal-api'),
        RedisModule,
        ScheduleSourcesModule,
        HealthModule,
        AuditModule,
        AuthModule,
        SchoolModule,
        UsersModule,
        ContingentModule,
        InvitationsModule,
        ScheduleModule,
        MessagingModule,
        PlanningModule,
        LessonsModule,
        JournalModule,
        AttendanceModule,
        HomeworkModule,
        DiaryModule,
        JobsModule.forRoot(config, 'api'),
        ...JOB_HANDLER_MODULES,
        SeedModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
      ],
    };
  }
}
