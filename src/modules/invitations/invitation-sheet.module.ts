import { Module } from '@nestjs/common';
import { InvitationSheetHandler } from './invitation-sheet.handler';

/**
 * The job handler of the invitation sheet alone, so the worker loads it without the routes (src/job-handler-modules.ts).
 */
@Module({
  providers: [InvitationSheetHandler],
})
export class InvitationSheetModule {}
