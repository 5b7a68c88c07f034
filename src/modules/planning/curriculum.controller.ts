import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role, STAFF_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { CurriculumService } from './curriculum.service';
import { CurriculumQuery, CurriculumResponse, CurriculumRowResponse, ReplaceGradeCurriculumDto, SetClassCurriculumDto } from './dto/curriculum.dto';

@ApiTags('planning')
@Controller()
export class CurriculumController {
  constructor(private readonly curriculum: CurriculumService) {}

  @Get('academic-years/:yearId/curriculum')
  @Access(...STAFF_ROLES)
  @ApiOperation({
    operationId: 'getCurriculum',
    summary: 'The curriculum (учебный план) of a year: hours a year per subject by grade and class overrides, or the effective hours of one class',
  })
  @ApiProblems(400, 404, 422)
  get(@CurrentActor() actor: Actor, @Param('yearId', ParseUUIDPipe) yearId: string, @Query() query: CurriculumQuery): Promise<CurriculumResponse> {
    return this.curriculum.get(actor, yearId, query);
  }

  @Put('academic-years/:yearId/curriculum')
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'replaceGradeCurriculum', summary: "Replace a grade's curriculum for the year in one transaction (class overrides stay)" })
  @ApiProblems(400, 404, 422)
  replace(
    @CurrentActor() actor: Actor,
    @Param('yearId', ParseUUIDPipe) yearId: string,
    @Body() dto: ReplaceGradeCurriculumDto,
  ): Promise<CurriculumResponse> {
    return this.curriculum.replaceGrade(actor, yearId, dto);
  }

  @Put('classes/:classId/curriculum/:subjectId')
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'setClassCurriculum', summary: "Set a class's own hours a year of a subject, overriding its grade's" })
  @ApiProblems(400, 404, 422)
  set(
    @CurrentActor() actor: Actor,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Param('subjectId', ParseUUIDPipe) subjectId: string,
    @Body() dto: SetClassCurriculumDto,
  ): Promise<CurriculumRowResponse> {
    return this.curriculum.setForClass(actor, classId, subjectId, dto);
  }

  @Delete('classes/:classId/curriculum/:subjectId')
  @HttpCode(204)
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'deleteClassCurriculum', summary: "Remove a class's override: its grade's hours apply again" })
  @ApiProblems(400, 404)
  delete(
    @CurrentActor() actor: Actor,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Param('subjectId', ParseUUIDPipe) subjectId: string,
  ): Promise<void> {
    return this.curriculum.deleteForClass(actor, classId, subjectId);
  }
}
