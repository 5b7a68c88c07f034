import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role, STAFF_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { ApiPageResponse, Page } from '../../common/pagination/pagination';
import { ClassService } from './class.service';
import { ClassListQuery, ClassResponse, CreateClassDto, UpdateClassDto } from './dto/class.dto';

@ApiTags('contingent')
@Controller()
export class ClassController {
  constructor(private readonly classes: ClassService) {}

  @Get('academic-years/:yearId/classes')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'listClasses', summary: 'Classes of an academic year: 1А, 1Б, 2А … 11Б' })
  @ApiPageResponse(ClassResponse)
  @ApiProblems(400, 404, 422)
  list(
    @CurrentActor() actor: Actor,
    @Param('yearId', ParseUUIDPipe) yearId: string,
    @Query() query: ClassListQuery,
  ): Promise<Page<ClassResponse>> {
    return this.classes.list(actor, yearId, query);
  }

  @Post('academic-years/:yearId/classes')
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'createClass', summary: 'Open a class in an academic year' })
  @ApiProblems(400, 404, 409, 422)
  create(@CurrentActor() actor: Actor, @Param('yearId', ParseUUIDPipe) yearId: string, @Body() dto: CreateClassDto): Promise<ClassResponse> {
    return this.classes.create(actor, yearId, dto);
  }

  @Get('classes/:classId')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'getClass', summary: 'One class' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('classId', ParseUUIDPipe) id: string): Promise<ClassResponse> {
    return this.classes.get(actor, id);
  }

  @Patch('classes/:classId')
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'updateClass', summary: 'Change a class: grade, letter, class teacher, shift, capacity' })
  @ApiProblems(400, 404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('classId', ParseUUIDPipe) id: string, @Body() dto: UpdateClassDto): Promise<ClassResponse> {
    return this.classes.update(actor, id, dto);
  }

  @Delete('classes/:classId')
  @HttpCode(204)
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'deleteClass', summary: 'Remove a class that nothing refers to' })
  @ApiProblems(400, 404, 409)
  delete(@CurrentActor() actor: Actor, @Param('classId', ParseUUIDPipe) id: string): Promise<void> {
    return this.classes.delete(actor, id);
  }
}
