import { AuditExportModule } from './modules/audit/audit-export.module';
import { ImportsModule } from './modules/imports/imports.module';
import { InvitationSheetModule } from './modules/invitations/invitation-sheet.module';

/**
 * The modules that hold @JobHandler providers. The api and the worker both import exactly these, so both know the
 * same handlers; start-up fails when a JobType has no handler or several.
 */
export const JOB_HANDLER_MODULES = [AuditExportModule, InvitationSheetModule, ImportsModule];
