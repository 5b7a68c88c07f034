import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { ApiPageResponse, Page } from '../../common/pagination/pagination';
import { AuditEventsService } from './audit-events.service';
import { AuditEventListQuery } from './dto/audit-event-filter.dto';
import { AuditEventResponse } from './dto/audit-event.response';
import { UsageQuery, UsageResponse } from './dto/usage.dto';

@ApiTags('audit')
@Controller()
export class AuditEventsController {
  constructor(private readonly events: AuditEventsService) {}

  @Get('audit-events')
  @Access(Role.Admin, Role.Director)
  @ApiOperation({
    operationId: 'listAuditEvents',
    summary: 'The audit trail of the school, newest first: sign-ins, sessions, every write, personal-data reads',
  })
  @ApiPageResponse(AuditEventResponse)
  @ApiProblems(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: AuditEventListQuery): Promise<Page<AuditEventResponse>> {
    return this.events.list(actor, query);
  }

  @Get('usage')
  @Access(Role.Admin, Role.Deputy, Role.Director)
  @ApiOperation({
    operationId: 'getUsage',
    summary: 'Usage monitoring: sign-ins and writes per role and per user over a period (default: the last 30 days)',
  })
  @ApiOkResponse({ type: UsageResponse })
  @ApiProblems(400, 422)
  usage(@CurrentActor() actor: Actor, @Query() query: UsageQuery): Promise<UsageResponse> {
    return this.events.usage(actor, query);
  }
}
