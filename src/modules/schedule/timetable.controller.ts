import { applyDecorators, Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role, STAFF_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from '../../common/errors/problem';
import {
  CopyClassWeekDto,
  CreateTimetableEntryDto,
  ReplaceClassWeekDto,
  TimetableConflict,
  TimetableEntryResponse,
  TimetableQuery,
  TimetableResponse,
  UpdateTimetableEntryDto,
} from './dto/timetable.dto';
import { TimetableService } from './timetable.service';

/** 409 `timetable-conflict`: a problem with `conflicts`, every clash of the write. */
function ApiTimetableConflict(): MethodDecorator {
  return applyDecorators(
    ApiResponse({
      status: 409,
      description: 'Conflicts with the timetable: `conflicts` lists each clashing entry and the reason (teacher, room, class); nothing is written',
      content: {
        [PROBLEM_CONTENT_TYPE]: {
          schema: {
            allOf: [
              { $ref: getSchemaPath(ProblemDetails) },
              { type: 'object', properties: { conflicts: { type: 'array', items: { $ref: getSchemaPath(TimetableConflict) } } } },
            ],
          },
        },
      },
    }),
  );
}

/**
 * The weekly timetable (R-SCH-2). Writes that clash answer 409 `timetable-conflict` with `conflicts`
 * (TimetableConflict[]: the clashing entry, the reason teacher / room / class) and write nothing.
 */
@ApiTags('schedule')
@ApiExtraModels(TimetableConflict)
@Controller()
export class TimetableController {
  constructor(private readonly timetable: TimetableService) {}

  @Get('academic-years/:yearId/timetable')
  @Access(...STAFF_ROLES)
  @ApiOperation({
    operationId: 'getTimetable',
    summary: 'Timetable entries valid on a date (default today), for a class (with its subgroups), a teacher or a room',
  })
  @ApiProblems(400, 404, 422)
  list(@CurrentActor() actor: Actor, @Param('yearId', ParseUUIDPipe) yearId: string, @Query() query: TimetableQuery): Promise<TimetableResponse> {
    return this.timetable.list(actor, yearId, query);
  }

  @Post('academic-years/:yearId/timetable-entries')
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'createTimetableEntry', summary: 'Add one lesson to the weekly timetable (refused with 409 on a conflict)' })
  @ApiProblems(400, 404, 422)
  @ApiTimetableConflict()
  create(
    @CurrentActor() actor: Actor,
    @Param('yearId', ParseUUIDPipe) yearId: string,
    @Body() dto: CreateTimetableEntryDto,
  ): Promise<TimetableEntryResponse> {
    return this.timetable.create(actor, yearId, dto);
  }

  @Get('timetable-entries/:entryId')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'getTimetableEntry', summary: 'One timetable entry' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('entryId', ParseUUIDPipe) id: string): Promise<TimetableEntryResponse> {
    return this.timetable.get(actor, id);
  }

  @Patch('timetable-entries/:entryId')
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'updateTimetableEntry', summary: 'Correct a timetable entry: slot, assignment, room, validity (409 on a conflict)' })
  @ApiProblems(400, 404, 422)
  @ApiTimetableConflict()
  update(
    @CurrentActor() actor: Actor,
    @Param('entryId', ParseUUIDPipe) id: string,
    @Body() dto: UpdateTimetableEntryDto,
  ): Promise<TimetableEntryResponse> {
    return this.timetable.update(actor, id, dto);
  }

  @Delete('timetable-entries/:entryId')
  @HttpCode(204)
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'deleteTimetableEntry', summary: 'Remove a timetable entry entered by mistake' })
  @ApiProblems(400, 404)
  delete(@CurrentActor() actor: Actor, @Param('entryId', ParseUUIDPipe) id: string): Promise<void> {
    return this.timetable.delete(actor, id);
  }

  @Put('classes/:classId/timetable')
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({
    operationId: 'replaceClassTimetable',
    summary: 'Replace a class\'s whole week from a date, in one transaction, checked as a whole (409 lists every conflict)',
  })
  @ApiProblems(400, 404, 422)
  @ApiTimetableConflict()
  replace(
    @CurrentActor() actor: Actor,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Body() dto: ReplaceClassWeekDto,
  ): Promise<TimetableResponse> {
    return this.timetable.replaceClassWeek(actor, classId, dto);
  }

  @Post('classes/:classId/timetable/copy')
  @HttpCode(200)
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({
    operationId: 'copyClassTimetable',
    summary: 'Copy a week into a class from a parallel class or from an earlier date, replacing its week like the bulk replace',
  })
  @ApiProblems(400, 404, 422)
  @ApiTimetableConflict()
  copy(@CurrentActor() actor: Actor, @Param('classId', ParseUUIDPipe) classId: string, @Body() dto: CopyClassWeekDto): Promise<TimetableResponse> {
    return this.timetable.copyClassWeek(actor, classId, dto);
  }
}
