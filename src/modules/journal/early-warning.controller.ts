import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { EarlyWarningNotifyDto, EarlyWarningNotifyResponse, EarlyWarningQuery, EarlyWarningResponse } from './dto/early-warning.dto';
import { EarlyWarningService } from './early-warning.service';

const READERS = [Role.Admin, Role.Director, Role.Deputy, Role.Teacher];

/** The early warning (R-JRN-8): teachers for the classes they teach or lead, the management for the school. */
@ApiTags('journal')
@Controller('early-warnings')
export class EarlyWarningController {
  constructor(private readonly warnings: EarlyWarningService) {}

  @Get()
  @Access(...READERS)
  @ApiOperation({
    operationId: 'listEarlyWarnings',
    summary: "Students of a study period with a subject's weighted average below 3 or missed lessons above the school's share, with the reasons",
  })
  @ApiOkResponse({ type: EarlyWarningResponse })
  @ApiProblems(400, 404, 422)
  list(@CurrentActor() actor: Actor, @Query() q: EarlyWarningQuery): Promise<EarlyWarningResponse> {
    return this.warnings.list(actor, q);
  }

  @Post('notify')
  @HttpCode(200)
  @Access(...READERS)
  @ApiOperation({
    operationId: 'notifyEarlyWarnings',
    summary: 'Notify the class teacher and the guardians (with accounts) of each flagged student, in one call; answers how many were notified',
  })
  @ApiOkResponse({ type: EarlyWarningNotifyResponse })
  @ApiProblems(400, 404, 422)
  notify(@CurrentActor() actor: Actor, @Body() dto: EarlyWarningNotifyDto): Promise<EarlyWarningNotifyResponse> {
    return this.warnings.notify(actor, dto);
  }
}
