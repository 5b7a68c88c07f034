import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role, STAFF_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { ApiPageResponse, Page } from '../../common/pagination/pagination';
import {
  CreateTeachingAssignmentDto,
  TeachingAssignmentListQuery,
  TeachingAssignmentResponse,
  UpdateTeachingAssignmentDto,
} from './dto/teaching-assignment.dto';
import { TeachingAssignmentService } from './teaching-assignment.service';

@ApiTags('contingent')
@Controller()
export class TeachingAssignmentController {
  constructor(private readonly assignments: TeachingAssignmentService) {}

  @Get('academic-years/:yearId/teaching-assignments')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'listTeachingAssignments', summary: 'Teaching assignments of a year: who teaches what in which class or subgroup' })
  @ApiPageResponse(TeachingAssignmentResponse)
  @ApiProblems(400, 404, 422)
  list(
    @CurrentActor() actor: Actor,
    @Param('yearId', ParseUUIDPipe) yearId: string,
    @Query() query: TeachingAssignmentListQuery,
  ): Promise<Page<TeachingAssignmentResponse>> {
    return this.assignments.list(actor, yearId, query);
  }

  @Post('academic-years/:yearId/teaching-assignments')
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'createTeachingAssignment', summary: 'Assign a teacher a subject in a class or subgroup for a year' })
  @ApiProblems(400, 404, 409, 422)
  create(
    @CurrentActor() actor: Actor,
    @Param('yearId', ParseUUIDPipe) yearId: string,
    @Body() dto: CreateTeachingAssignmentDto,
  ): Promise<TeachingAssignmentResponse> {
    return this.assignments.create(actor, yearId, dto);
  }

  @Get('teaching-assignments/:assignmentId')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'getTeachingAssignment', summary: 'One teaching assignment' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('assignmentId', ParseUUIDPipe) id: string): Promise<TeachingAssignmentResponse> {
    return this.assignments.get(actor, id);
  }

  @Patch('teaching-assignments/:assignmentId')
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'updateTeachingAssignment', summary: 'Change a teaching assignment: teacher, subject, class, subgroup, hours' })
  @ApiProblems(400, 404, 409, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('assignmentId', ParseUUIDPipe) id: string,
    @Body() dto: UpdateTeachingAssignmentDto,
  ): Promise<TeachingAssignmentResponse> {
    return this.assignments.update(actor, id, dto);
  }

  @Delete('teaching-assignments/:assignmentId')
  @HttpCode(204)
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'deleteTeachingAssignment', summary: 'Remove a teaching assignment' })
  @ApiProblems(400, 404)
  delete(@CurrentActor() actor: Actor, @Param('assignmentId', ParseUUIDPipe) id: string): Promise<void> {
    return this.assignments.delete(actor, id);
  }
}
