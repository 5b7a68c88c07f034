import { Module } from '@nestjs/common';
import { AuditExportController } from './audit-export.controller';
import { AuditExportHandler } from './audit-export.handler';
import { AuditExportService } from './audit-export.service';

/**
 * The audit-trail export: the route that asks for it and its job handler. Loaded by the api and by the worker
 * (src/job-handler-modules.ts), so both know the handler; it needs the global AuditModule and JobsModule.
 */
@Module({
  controllers: [AuditExportController],
  providers: [AuditExportService, AuditExportHandler],
})
export class AuditExportModule {}
