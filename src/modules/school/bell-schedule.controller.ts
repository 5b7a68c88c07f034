import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role, STAFF_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { ApiPageResponse, Page, PageQuery } from '../../common/pagination/pagination';
import { BellScheduleService } from './bell-schedule.service';
import { BellScheduleDto, BellScheduleResponse } from './dto/bell-schedule.dto';

@ApiTags('school')
@Controller('bell-schedules')
export class BellScheduleController {
  constructor(private readonly schedules: BellScheduleService) {}

  @Get()
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'listBellSchedules', summary: 'Bell schedules with their bells, by name' })
  @ApiPageResponse(BellScheduleResponse)
  @ApiProblems(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<BellScheduleResponse>> {
    return this.schedules.list(actor, query);
  }

  @Post()
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'createBellSchedule', summary: 'Add a bell schedule (e.g. for a shift); bells ordered, not overlapping' })
  @ApiProblems(400, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: BellScheduleDto): Promise<BellScheduleResponse> {
    return this.schedules.create(actor, dto);
  }

  @Get(':scheduleId')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'getBellSchedule', summary: 'One bell schedule with its bells' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('scheduleId', ParseUUIDPipe) scheduleId: string): Promise<BellScheduleResponse> {
    return this.schedules.get(actor, scheduleId);
  }

  @Put(':scheduleId')
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'replaceBellSchedule', summary: 'Replace a bell schedule with all its bells' })
  @ApiProblems(400, 404, 422)
  replace(
    @CurrentActor() actor: Actor,
    @Param('scheduleId', ParseUUIDPipe) scheduleId: string,
    @Body() dto: BellScheduleDto,
  ): Promise<BellScheduleResponse> {
    return this.schedules.replace(actor, scheduleId, dto);
  }

  @Delete(':scheduleId')
  @HttpCode(204)
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'deleteBellSchedule', summary: 'Remove a bell schedule that nothing refers to' })
  @ApiProblems(400, 404, 409)
  delete(@CurrentActor() actor: Actor, @Param('scheduleId', ParseUUIDPipe) scheduleId: string): Promise<void> {
    return this.schedules.delete(actor, scheduleId);
  }
}
