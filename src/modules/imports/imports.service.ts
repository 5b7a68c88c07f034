import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { fieldProblem, notFound, ProblemError } from '../../common/errors/problem';
import { JobResponse } from '../../jobs/dto/job.response';
import { JobType } from '../../jobs/job-type';
import { JobsService } from '../../jobs/jobs.service';
import { schoolToday } from '../school/school-today';
import { ClassListImportQuery, StaffImportQuery } from './dto/import-query.dto';
import { ClassListImportParams, StaffImportParams } from './import-params';

/** The content types an import takes as its raw body; anything else is refused with 415. */
export const IMPORT_CONTENT_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/octet-stream',
] as const;

/**
 * The raw body of a file upload: a Buffer from the imports module's content-type parser (on routes named with
 * acceptRawBody); anything else is the wrong media type (415).
 */
export function rawFileBody(body: unknown, contentType: string | undefined): { content: Buffer; contentType: string } {
  if (!Buffer.isBuffer(body)) {
    throw new ProblemError(
      415,
      'unsupported-media-type',
      'Unsupported media type',
      `Send the file itself as the request body with Content-Type ${IMPORT_CONTENT_TYPES.join(', ')}`,
    );
  }
  return { content: body, contentType: (contentType ?? 'application/octet-stream').split(';')[0].trim().slice(0, 100) };
}

/**
 * Starts the secretary's imports: the uploaded file is stored with its job in one transaction (import_upload) and
 * the job is put on the `imports` queue after the commit; the caller polls GET /api/v1/jobs/{id}.
 */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobsService,
  ) {}

  async requestClassLists(actor: Actor, query: ClassListImportQuery, body: unknown, contentType: string | undefined): Promise<JobResponse> {
    const file = this.file(body, contentType);
    const years = (await this.db.query(
      `SELECT to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on
         FROM academic_year WHERE id = $1 AND school_id = $2`,
      [query.academicYearId, actor.schoolId],
    )) as Array<{ starts_on: string; ends_on: string }>;
    if (years.length === 0) throw notFound('Academic year');
    const date = query.date ?? (await schoolToday(this.db.manager, actor.schoolId));
    if (date < years[0].starts_on || date > years[0].ends_on) {
      throw fieldProblem('date-outside-year', 'date', `must lie within the academic year (${years[0].starts_on} … ${years[0].ends_on})`, 'Date outside the year');
    }
    const params: ClassListImportParams = {
      academicYearId: query.academicYearId,
      date,
      orderNumber: query.orderNumber?.trim() ?? null,
      applyDepartures: query.applyDepartures === 'true',
      confirm: query.confirm === 'true',
      fileName: query.fileName ?? 'Списки классов',
    };
    return this.start(actor, JobType.ClassListImport, params, file, params.fileName);
  }

  requestStaff(actor: Actor, query: StaffImportQuery, body: unknown, contentType: string | undefined): Promise<JobResponse> {
    const file = this.file(body, contentType);
    const params: StaffImportParams = { fileName: query.fileName ?? 'Сотрудники' };
    return this.start(actor, JobType.StaffImport, params, file, params.fileName);
  }

  private file(body: unknown, contentType: string | undefined): { content: Buffer; contentType: string } {
    return rawFileBody(body, contentType);
  }

  private async start(
    actor: Actor,
    type: JobType,
    params: ClassListImportParams | StaffImportParams,
    file: { content: Buffer; contentType: string },
    fileName: string,
  ): Promise<JobResponse> {
    const job = await this.db.transaction(async (m) => {
      const created = await this.jobs.create(m, { type, params, schoolId: actor.schoolId, requestedBy: actor.userId });
      await m.query(
        `INSERT INTO import_upload (job_id, school_id, file_name, content_type, size, sha256, content) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [created.id, actor.schoolId, fileName, file.contentType, file.content.length, createHash('sha256').update(file.content).digest('hex'), file.content],
      );
      return created;
    });
    await this.jobs.dispatch(job);
    return this.jobs.get(actor, job.id);
  }
}
