import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { JobResponse } from '../../jobs/dto/job.response';
import { AuditExportService } from './audit-export.service';
import { AuditEventFilter } from './dto/audit-event-filter.dto';

@ApiTags('audit')
@Controller('audit-events/exports')
export class AuditExportController {
  constructor(private readonly exports: AuditExportService) {}

  @Post()
  @HttpCode(202)
  @Access(Role.Admin, Role.Director)
  @ApiOperation({
    operationId: 'exportAuditEvents',
    summary: 'Start an XLSX export of the audit trail (журнал доступа) with the list\'s filters; answers 202 with the job',
  })
  @ApiAcceptedResponse({
    type: JobResponse,
    description: 'The job; `Location` names its status URL, the file follows at `links.file`',
    headers: { Location: { description: 'The job\'s status URL, /api/v1/jobs/{id}', schema: { type: 'string' } } },
  })
  @ApiProblems(400, 422)
  async create(
    @CurrentActor() actor: Actor,
    @Body() filter: AuditEventFilter,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JobResponse> {
    const job = await this.exports.request(actor, filter);
    reply.header('location', job.links.self);
    return job;
  }
}
