import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role, SCHOOL_ROLES, STAFF_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { ApiPageResponse, Page } from '../../common/pagination/pagination';
import {
  CreateGuardianDto,
  GuardianCard,
  GuardianListItem,
  GuardianListQuery,
  LinkGuardianDto,
  StudentGuardianLink,
  StudentGuardianList,
  UpdateGuardianDto,
} from './dto/guardian.dto';
import { GuardianService } from './guardian.service';

@ApiTags('contingent')
@Controller()
export class GuardianController {
  constructor(private readonly guardians: GuardianService) {}

  @Get('guardians')
  @Access(Role.Admin, Role.Director, Role.Deputy, Role.Secretary)
  @ApiOperation({ operationId: 'listGuardians', summary: "The school's guardians in Russian alphabetical order, with search (no contacts)" })
  @ApiPageResponse(GuardianListItem)
  @ApiProblems(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: GuardianListQuery): Promise<Page<GuardianListItem>> {
    return this.guardians.list(actor, query);
  }

  @Post('guardians')
  @Access(Role.Admin, Role.Secretary)
  @ApiOperation({ operationId: 'createGuardian', summary: 'Add a guardian (родитель, законный представитель)' })
  @ApiProblems(400, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateGuardianDto): Promise<GuardianCard> {
    return this.guardians.create(actor, dto);
  }

  @Get('guardians/:guardianId')
  @Access(...STAFF_ROLES, Role.Parent)
  @ApiOperation({ operationId: 'getGuardian', summary: "A guardian's card with contacts (recorded as a personal-data read); a parent: their own" })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('guardianId', ParseUUIDPipe) id: string): Promise<GuardianCard> {
    return this.guardians.get(actor, id);
  }

  @Patch('guardians/:guardianId')
  @Access(Role.Admin, Role.Secretary, Role.Teacher)
  @ApiOperation({ operationId: 'updateGuardian', summary: "Edit a guardian: admin, secretary, or the class teacher of one of the guardian's children" })
  @ApiProblems(400, 404, 422)
  update(@CurrentActor() actor: Actor, @Param('guardianId', ParseUUIDPipe) id: string, @Body() dto: UpdateGuardianDto): Promise<GuardianCard> {
    return this.guardians.update(actor, id, dto);
  }

  @Get('students/:studentId/guardians')
  @Access(...SCHOOL_ROLES)
  @ApiOperation({ operationId: 'listStudentGuardians', summary: "A student's guardians with relation and contacts (recorded as personal-data reads)" })
  @ApiOkResponse({ type: StudentGuardianList })
  @ApiProblems(400, 404)
  forStudent(@CurrentActor() actor: Actor, @Param('studentId', ParseUUIDPipe) studentId: string): Promise<StudentGuardianList> {
    return this.guardians.forStudent(actor, studentId);
  }

  @Put('students/:studentId/guardians/:guardianId')
  @Access(Role.Admin, Role.Secretary, Role.Teacher)
  @ApiOperation({ operationId: 'linkStudentGuardian', summary: "Link a guardian to a student or change the relation (admin, secretary, the class teacher)" })
  @ApiOkResponse({ type: StudentGuardianLink })
  @ApiProblems(400, 404, 422)
  link(
    @CurrentActor() actor: Actor,
    @Param('studentId', ParseUUIDPipe) studentId: string,
    @Param('guardianId', ParseUUIDPipe) guardianId: string,
    @Body() dto: LinkGuardianDto,
  ): Promise<StudentGuardianLink> {
    return this.guardians.link(actor, studentId, guardianId, dto);
  }

  @Delete('students/:studentId/guardians/:guardianId')
  @HttpCode(204)
  @Access(Role.Admin, Role.Secretary)
  @ApiOperation({ operationId: 'unlinkStudentGuardian', summary: 'Remove the link between a student and a guardian' })
  @ApiProblems(400, 404)
  unlink(
    @CurrentActor() actor: Actor,
    @Param('studentId', ParseUUIDPipe) studentId: string,
    @Param('guardianId', ParseUUIDPipe) guardianId: string,
  ): Promise<void> {
    return this.guardians.unlink(actor, studentId, guardianId);
  }
}
