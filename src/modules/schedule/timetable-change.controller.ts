import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role, STAFF_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import {
  CreateTimetableChangeDto,
  DateRangeQuery,
  SubstitutionLogResponse,
  TimetableChangeListQuery,
  TimetableChangeListResponse,
  TimetableChangeResponse,
} from './dto/timetable-change.dto';
import { TimetableChangeService } from './timetable-change.service';

/** Dated changes of the timetable (R-SCH-3): the deputy and the admin write them, the staff read them. */
@ApiTags('schedule')
@Controller()
export class TimetableChangeController {
  constructor(private readonly changes: TimetableChangeService) {}

  @Post('timetable-changes')
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({
    operationId: 'createTimetableChange',
    summary: 'Record a dated change: a substitute teacher, a room change, a cancelled, moved or extra lesson, with reason and order number',
  })
  @ApiProblems(400, 404, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTimetableChangeDto): Promise<TimetableChangeResponse> {
    return this.changes.create(actor, dto);
  }

  @Get('timetable-changes')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'listTimetableChanges', summary: 'The dated changes of a period, optionally of one class or one teacher' })
  @ApiProblems(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: TimetableChangeListQuery): Promise<TimetableChangeListResponse> {
    return this.changes.list(actor, query);
  }

  @Delete('timetable-changes/:changeId')
  @HttpCode(204)
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'deleteTimetableChange', summary: 'Withdraw a change of today or a later date (past ones stay in the log)' })
  @ApiProblems(400, 404, 409)
  async delete(@CurrentActor() actor: Actor, @Param('changeId', ParseUUIDPipe) id: string): Promise<void> {
    await this.changes.delete(actor, id);
  }

  @Get('substitutions')
  @Access(Role.Admin, Role.Director, Role.Deputy)
  @ApiOperation({
    operationId: 'getSubstitutionLog',
    summary: 'Журнал замещения уроков: who replaced whom, on which date and lesson, in which class and subject, why, by which order',
  })
  @ApiProblems(400, 422)
  substitutions(@CurrentActor() actor: Actor, @Query() query: DateRangeQuery): Promise<SubstitutionLogResponse> {
    return this.changes.substitutions(actor, query);
  }
}
