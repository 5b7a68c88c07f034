import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role, STAFF_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import {
  AddSubgroupMembersDto,
  CreateSubgroupDto,
  EndSubgroupMembershipQuery,
  MoveSubgroupMemberDto,
  SubgroupDetailResponse,
  SubgroupListQuery,
  SubgroupMoveResponse,
  SubgroupQuery,
  SubgroupResponse,
  UpdateSubgroupDto,
} from './dto/subgroup.dto';
import { SubgroupService } from './subgroup.service';

@ApiTags('contingent')
@Controller()
export class SubgroupController {
  constructor(private readonly subgroups: SubgroupService) {}

  @Get('classes/:classId/subgroups')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'listSubgroups', summary: "Subgroups of a class (per subject), each with today's member count" })
  @ApiOkResponse({ type: [SubgroupResponse] })
  @ApiProblems(400, 404, 422)
  list(
    @CurrentActor() actor: Actor,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Query() query: SubgroupListQuery,
  ): Promise<SubgroupResponse[]> {
    return this.subgroups.list(actor, classId, query);
  }

  @Post('classes/:classId/subgroups')
  @Access(Role.Admin, Role.Deputy, Role.Teacher)
  @ApiOperation({ operationId: 'createSubgroup', summary: 'Open a subgroup of a class for a subject (admin, deputy, the class teacher)' })
  @ApiProblems(400, 404, 409, 422)
  create(
    @CurrentActor() actor: Actor,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Body() dto: CreateSubgroupDto,
  ): Promise<SubgroupResponse> {
    return this.subgroups.create(actor, classId, dto);
  }

  @Get('subgroups/:subgroupId')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'getSubgroup', summary: 'One subgroup with its members on a day (default today)' })
  @ApiProblems(400, 404, 422)
  get(
    @CurrentActor() actor: Actor,
    @Param('subgroupId', ParseUUIDPipe) id: string,
    @Query() query: SubgroupQuery,
  ): Promise<SubgroupDetailResponse> {
    return this.subgroups.get(actor, id, query.on);
  }

  @Patch('subgroups/:subgroupId')
  @Access(Role.Admin, Role.Deputy, Role.Teacher)
  @ApiOperation({ operationId: 'updateSubgroup', summary: 'Rename a subgroup' })
  @ApiProblems(400, 404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('subgroupId', ParseUUIDPipe) id: string, @Body() dto: UpdateSubgroupDto): Promise<SubgroupResponse> {
    return this.subgroups.update(actor, id, dto);
  }

  @Delete('subgroups/:subgroupId')
  @HttpCode(204)
  @Access(Role.Admin, Role.Deputy, Role.Teacher)
  @ApiOperation({ operationId: 'deleteSubgroup', summary: 'Remove a subgroup that never had members or assignments' })
  @ApiProblems(400, 404, 409)
  delete(@CurrentActor() actor: Actor, @Param('subgroupId', ParseUUIDPipe) id: string): Promise<void> {
    return this.subgroups.delete(actor, id);
  }

  @Post('subgroups/:subgroupId/members')
  @HttpCode(200)
  @Access(Role.Admin, Role.Teacher)
  @ApiOperation({ operationId: 'addSubgroupMembers', summary: 'Add students of the class to a subgroup from a date (the class teacher or the admin)' })
  @ApiProblems(400, 404, 409, 422)
  addMembers(
    @CurrentActor() actor: Actor,
    @Param('subgroupId', ParseUUIDPipe) id: string,
    @Body() dto: AddSubgroupMembersDto,
  ): Promise<SubgroupDetailResponse> {
    return this.subgroups.addMembers(actor, id, dto);
  }

  @Post('subgroups/:subgroupId/members/:studentId/move')
  @HttpCode(200)
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'moveSubgroupMember', summary: 'Move a student to another subgroup of the same class and subject from a date (the admin)' })
  @ApiProblems(400, 404, 409, 422)
  move(
    @CurrentActor() actor: Actor,
    @Param('subgroupId', ParseUUIDPipe) id: string,
    @Param('studentId', ParseUUIDPipe) studentId: string,
    @Body() dto: MoveSubgroupMemberDto,
  ): Promise<SubgroupMoveResponse> {
    return this.subgroups.move(actor, id, studentId, dto);
  }

  @Delete('subgroups/:subgroupId/members/:studentId')
  @HttpCode(204)
  @Access(Role.Admin, Role.Teacher)
  @ApiOperation({ operationId: 'endSubgroupMembership', summary: "End a student's membership of a subgroup on a date (the class teacher or the admin)" })
  @ApiProblems(400, 404, 422)
  endMembership(
    @CurrentActor() actor: Actor,
    @Param('subgroupId', ParseUUIDPipe) id: string,
    @Param('studentId', ParseUUIDPipe) studentId: string,
    @Query() query: EndSubgroupMembershipQuery,
  ): Promise<void> {
    return this.subgroups.endMembership(actor, id, studentId, query.date);
  }
}
