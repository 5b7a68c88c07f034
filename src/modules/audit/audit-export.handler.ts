import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { JobFailure } from '../../jobs/job-failure';
import { JobHandler } from '../../jobs/job-handler.decorator';
import { JobOutput, JobProcessor, JobRunContext } from '../../jobs/job-processor';
import { JobType } from '../../jobs/job-type';
import { AuditEventRow, auditEventsSql } from './audit-query';
import {
  AUDIT_DATE_FORMAT, AUDIT_EXPORT_COLUMNS, AUDIT_SHEET_NAME, auditExportFileName, auditExportRow, XLSX_CONTENT_TYPE,
} from './audit-export.xlsx';
import { AuditEventFilter } from './dto/audit-event-filter.dto';

/** Rows read per query (keyset pagination by id: memory stays bounded whatever the size of the trail). */
export const AUDIT_EXPORT_PAGE = 500;

/**
 * The audit trail of one school as XLSX (журнал доступа, the per-person access log a personal-data incident needs),
 * written with exceljs's streaming writer; the rows are read page by page, newest first.
 * Idempotent: the same parameters give the same rows (events are append-only; a retry may include newer ones).
 */
@JobHandler(JobType.AuditExport)
export class AuditExportHandler implements JobProcessor<AuditEventFilter> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async run(ctx: JobRunContext<AuditEventFilter>): Promise<JobOutput> {
    const filter = plainToInstance(AuditEventFilter, ctx.params ?? {});
    if (validateSync(filter, { whitelist: true, forbidNonWhitelisted: true }).length > 0) {
      throw new JobFailure('Неверные параметры выгрузки журнала доступа');
    }
    const schools = (await this.db.query('SELECT short_name, time_zone FROM school WHERE id = $1', [ctx.schoolId])) as Array<{
      short_name: string;
      time_zone: string;
    }>;
    if (schools.length === 0) throw new JobFailure('Школа не найдена');
    const { short_name: shortName, time_zone: timeZone } = schools[0];

    const all = auditEventsSql(ctx.schoolId, filter, { limit: 2_147_483_647 });
    const counted = (await this.db.query(`SELECT count(*)::int AS n FROM (${all.sql}) q`, all.params)) as Array<{ n: number }>;
    const total = counted[0].n;

    // loaded on first use: exceljs is large, and most processes (and start-up) never need it
    const { default: ExcelJS } = await import('exceljs');
    const chunks: Buffer[] = [];
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise<void>((ok, fail) => {
      stream.once('end', ok);
      stream.once('error', fail);
    });
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    workbook.creator = 'Электронный журнал';
    const sheet = workbook.addWorksheet(AUDIT_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = AUDIT_EXPORT_COLUMNS.map((c, i) => ({
      header: c.header,
      key: `c${i}`,
      width: c.width,
      style: i === 0 ? { numFmt: AUDIT_DATE_FORMAT } : {},
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();

    let written = 0;
    let beforeId: string | undefined;
    for (;;) {
      const page = auditEventsSql(ctx.schoolId, filter, { limit: AUDIT_EXPORT_PAGE, beforeId });
      const rows = (await this.db.query(page.sql, page.params)) as AuditEventRow[];
      for (const r of rows) sheet.addRow(auditExportRow(r, timeZone)).commit();
      written += rows.length;
      if (rows.length < AUDIT_EXPORT_PAGE) break;
      beforeId = rows[rows.length - 1].id;
      await ctx.progress(Math.min(99, Math.floor((written / Math.max(total, 1)) * 100)));
      if (this.config.AUDIT_EXPORT_PAGE_DELAY_MS > 0) await sleep(this.config.AUDIT_EXPORT_PAGE_DELAY_MS);
    }
    sheet.commit();
    await workbook.commit();
    await ended;

    return {
      result: { rows: written },
      file: { fileName: auditExportFileName(shortName, new Date(), timeZone), contentType: XLSX_CONTENT_TYPE, content: Buffer.concat(chunks) },
    };
  }
}
