import { Controller, Get, Header, HttpCode, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { attachmentDisposition } from '../../jobs/content-disposition';
import { JobResponse } from '../../jobs/dto/job.response';
import { ClassListImportQuery, StaffImportQuery } from './dto/import-query.dto';
import { ExportsService, XlsxDownload } from './exports.service';
import { IMPORT_CONTENT_TYPES, ImportsService } from './imports.service';
import { XLSX_CONTENT_TYPE } from './xlsx-files';

export const IMPORT_ROUTES = ['/api/v1/imports/class-lists', '/api/v1/imports/staff'];

const FILE_BODY = {
  description:
    'The file itself as the raw body: XLSX (detected by its ZIP signature) or CSV (UTF-8 or Windows-1251, «;» or «,»). ' +
    'Up to IMPORT_MAX_FILE_BYTES (10 MiB); larger answers 413.',
  schema: { type: 'string', format: 'binary' },
};

const JOB_ACCEPTED = {
  type: JobResponse,
  description:
    'The import job; `Location` names its status URL. When it has succeeded, `result` holds `applied`, the counts, ' +
    '`proposedDepartures` and `errors` [{row, column, message}] (validation problems end the job as succeeded with ' +
    '`applied: false`), and `links.file` the report «Отчёт об импорте …xlsx».',
  headers: { Location: { description: "The job's status URL, /api/v1/jobs/{id}", schema: { type: 'string' } } },
};

export function xlsxFile(f: XlsxDownload): StreamableFile {
  return new StreamableFile(f.content, { type: XLSX_CONTENT_TYPE, length: f.content.length, disposition: attachmentDisposition(f.fileName) });
}

const XLSX_OK = {
  description: 'The XLSX file, with `Content-Disposition: attachment`',
  content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
};

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly exports: ExportsService,
  ) {}

  @Post('class-lists')
  @HttpCode(202)
  @Access(Role.Admin, Role.Secretary)
  @ApiOperation({
    operationId: 'importClassLists',
    summary: 'Import class lists (students and guardians) from XLSX or CSV as a job: all or nothing, idempotent, with a report per row',
  })
  @ApiConsumes(...IMPORT_CONTENT_TYPES)
  @ApiBody(FILE_BODY)
  @ApiAcceptedResponse(JOB_ACCEPTED)
  @ApiProblems(400, 404, 413, 415, 422)
  async importClassLists(
    @CurrentActor() actor: Actor,
    @Query() query: ClassListImportQuery,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JobResponse> {
    const job = await this.imports.requestClassLists(actor, query, req.body, req.headers['content-type']);
    reply.header('location', job.links.self);
    return job;
  }

  @Post('staff')
  @HttpCode(202)
  @Access(Role.Admin, Role.Secretary)
  @ApiOperation({
    operationId: 'importStaff',
    summary: 'Import the staff list from XLSX or CSV as a job, keyed by табельный номер: all or nothing, idempotent',
  })
  @ApiConsumes(...IMPORT_CONTENT_TYPES)
  @ApiBody(FILE_BODY)
  @ApiAcceptedResponse(JOB_ACCEPTED)
  @ApiProblems(400, 413, 415, 422)
  async importStaff(
    @CurrentActor() actor: Actor,
    @Query() query: StaffImportQuery,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JobResponse> {
    const job = await this.imports.requestStaff(actor, query, req.body, req.headers['content-type']);
    reply.header('location', job.links.self);
    return job;
  }

  @Get('class-lists/template')
  @Access(Role.Admin, Role.Secretary)
  @ApiOperation({ operationId: 'getClassListTemplate', summary: 'The empty XLSX template of a class list, with an «Инструкция» sheet' })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse(XLSX_OK)
  @ApiProblems(400)
  @Header('cache-control', 'no-store')
  async classListTemplate(): Promise<StreamableFile> {
    return xlsxFile(await this.exports.classListTemplate());
  }

  @Get('staff/template')
  @Access(Role.Admin, Role.Secretary)
  @ApiOperation({ operationId: 'getStaffTemplate', summary: 'The empty XLSX template of the staff list, with an «Инструкция» sheet' })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse(XLSX_OK)
  @ApiProblems(400)
  @Header('cache-control', 'no-store')
  async staffTemplate(): Promise<StreamableFile> {
    return xlsxFile(await this.exports.staffTemplate());
  }
}
