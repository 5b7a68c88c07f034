import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role, SCHOOL_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { ApiPageResponse, Page } from '../../common/pagination/pagination';
import { CreateSubjectDto, SubjectListQuery, UpdateSubjectDto } from './dto/subject.dto';
import { Subject } from './subject.entity';
import { SubjectService } from './subject.service';

@ApiTags('contingent')
@Controller('subjects')
export class SubjectController {
  constructor(private readonly subjects: SubjectService) {}

  @Get()
  @Access(...SCHOOL_ROLES)
  @ApiOperation({ operationId: 'listSubjects', summary: 'The school\'s subjects (предметы), by name in Russian order' })
  @ApiPageResponse(Subject)
  @ApiProblems(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: SubjectListQuery): Promise<Page<Subject>> {
    return this.subjects.list(actor, query);
  }

  @Post()
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'createSubject', summary: 'Add a subject to the school\'s catalogue' })
  @ApiProblems(400, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSubjectDto): Promise<Subject> {
    return this.subjects.create(actor, dto);
  }

  @Get(':subjectId')
  @Access(...SCHOOL_ROLES)
  @ApiOperation({ operationId: 'getSubject', summary: 'One subject' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('subjectId', ParseUUIDPipe) id: string): Promise<Subject> {
    return this.subjects.get(actor, id);
  }

  @Patch(':subjectId')
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'updateSubject', summary: 'Rename a subject or change its short name (the code never changes)' })
  @ApiProblems(400, 404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('subjectId', ParseUUIDPipe) id: string, @Body() dto: UpdateSubjectDto): Promise<Subject> {
    return this.subjects.update(actor, id, dto);
  }

  @Post(':subjectId/archive')
  @HttpCode(200)
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'archiveSubject', summary: 'Archive a subject: it leaves the lists, its history and id stay' })
  @ApiProblems(400, 404)
  archive(@CurrentActor() actor: Actor, @Param('subjectId', ParseUUIDPipe) id: string): Promise<Subject> {
    return this.subjects.archive(actor, id);
  }

  @Post(':subjectId/restore')
  @HttpCode(200)
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'restoreSubject', summary: 'Bring an archived subject back into the lists' })
  @ApiProblems(400, 404)
  restore(@CurrentActor() actor: Actor, @Param('subjectId', ParseUUIDPipe) id: string): Promise<Subject> {
    return this.subjects.restore(actor, id);
  }
}
