import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { JobFailure } from '../../jobs/job-failure';
import { JobHandler } from '../../jobs/job-handler.decorator';
import { JobOutput, JobProcessor, JobRunContext } from '../../jobs/job-processor';
import { JobType } from '../../jobs/job-type';
import { XLSX_CONTENT_TYPE } from '../audit/audit-export.xlsx';
import { buildInvitationSheet, InvitationSheetRow, invitationSheetFileName } from './invitation-sheet.xlsx';
import { open, SealedBox } from './sheet-secret';

/** The parameters of an invitation-sheet job as the job row keeps them. */
export interface InvitationSheetParams {
  classId: string;
  className: string;
  /** how many codes the sheet lists */
  codes: number;
  /** the sheet's rows with the codes, sealed; null once the file has been made (only the counts stay) */
  sealed: SealedBox | null;
}

export function invitationSheetSecret(config: AppConfig): string {
  if (!config.JWT_SECRET) throw new Error('JWT_SECRET is not set');
  return config.JWT_SECRET;
}

/**
 * Makes the XLSX «Пригласительные коды» of one issue of codes, then overwrites the sealed codes in the job's
 * parameters: after the run the codes exist only in the file (served to the requester and the admin) and with the
 * people who got them. A run after the box was cleared (or that cannot open it) fails for good — issue anew.
 */
@JobHandler(JobType.InvitationSheet)
export class InvitationSheetHandler implements JobProcessor<InvitationSheetParams> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async run(ctx: JobRunContext<InvitationSheetParams>): Promise<JobOutput> {
    const params = ctx.params ?? ({} as InvitationSheetParams);
    const rows = open<InvitationSheetRow[]>(invitationSheetSecret(this.config), ctx.schoolId, params.sealed);
    if (!Array.isArray(rows) || typeof params.className !== 'string') {
      await this.clearCodes(ctx.jobId, params);
      throw new JobFailure('Коды этого листа больше недоступны; выдайте коды заново');
    }
    const schools = (await this.db.query('SELECT time_zone FROM school WHERE id = $1', [ctx.schoolId])) as Array<{ time_zone: string }>;
    if (schools.length === 0) throw new JobFailure('Школа не найдена');
    const timeZone = schools[0].time_zone;
    const content = await buildInvitationSheet(params.className, rows, timeZone);
    await this.clearCodes(ctx.jobId, params);
    return {
      result: { codes: rows.length },
      file: { fileName: invitationSheetFileName(params.className, new Date(), timeZone), contentType: XLSX_CONTENT_TYPE, content },
    };
  }

  /** Keeps the class and the count, drops the sealed codes. */
  private async clearCodes(jobId: string, params: Partial<InvitationSheetParams>): Promise<void> {
    const kept: InvitationSheetParams = {
      classId: String(params.classId ?? ''),
      className: String(params.className ?? ''),
      codes: Number(params.codes ?? 0),
      sealed: null,
    };
    await this.db.transaction((m) => m.query('UPDATE job SET params = $2, updated_at = now() WHERE id = $1', [jobId, JSON.stringify(kept)]));
  }
}
