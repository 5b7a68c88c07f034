import { QueueName } from './queue-name';

/** Every kind of background job. Each has exactly one @JobHandler (checked at start-up) and one queue. */
export enum JobType {
  /** the audit trail as XLSX (журнал доступа), src/modules/audit/audit-export.handler.ts */
  AuditExport = 'audit-export',
  /** the printable sheet «Пригласительные коды» of one issue of codes, src/modules/invitations/invitation-sheet.handler.ts */
  InvitationSheet = 'invitation-sheet',
  /** the secretary's class lists (XLSX/CSV), src/modules/imports/class-list-import.handler.ts */
  ClassListImport = 'class-list-import',
  /** the secretary's staff list (XLSX/CSV), src/modules/imports/staff-import.handler.ts */
  StaffImport = 'staff-import',
}

export const ALL_JOB_TYPES: readonly JobType[] = Object.values(JobType);

/** The BullMQ queue each job type runs on. */
export const JOB_QUEUE: Record<JobType, QueueName> = {
  [JobType.AuditExport]: QueueName.Reports,
  [JobType.InvitationSheet]: QueueName.Reports,
  [JobType.ClassListImport]: QueueName.Imports,
  [JobType.StaffImport]: QueueName.Imports,
};
