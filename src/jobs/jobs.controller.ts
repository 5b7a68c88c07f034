import { Controller, Get, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../common/access/access.decorator';
import { Actor } from '../common/access/actor';
import { SCHOOL_ROLES } from '../common/access/role';
import { ApiProblems } from '../common/errors/api-problems.decorator';
import { attachmentDisposition } from './content-disposition';
import { JobResponse } from './dto/job.response';
import { JobsService } from './jobs.service';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get(':jobId')
  @Access(...SCHOOL_ROLES)
  @ApiOperation({
    operationId: 'getJob',
    summary: 'Status and progress of a background job (its requester and the school admin only)',
  })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('jobId', ParseUUIDPipe) id: string): Promise<JobResponse> {
    return this.jobs.get(actor, id);
  }

  @Get(':jobId/file')
  @Access(...SCHOOL_ROLES)
  @ApiOperation({
    operationId: 'downloadJobFile',
    summary: 'Download the file a finished job produced (e.g. an XLSX report); 409 while the job has not succeeded',
  })
  @ApiProduces('application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({
    description: 'The file, with `Content-Disposition: attachment; filename="…"; filename*=UTF-8\'\'…`',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400, 404, 409)
  async file(@CurrentActor() actor: Actor, @Param('jobId', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const f = await this.jobs.file(actor, id);
    return new StreamableFile(f.content, {
      type: f.contentType,
      length: f.size,
      disposition: attachmentDisposition(f.fileName),
    });
  }
}
