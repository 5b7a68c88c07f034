import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { ApiPageResponse, Page } from '../../common/pagination/pagination';
import { xlsxFile } from '../imports/imports.controller';
import { IMPORT_CONTENT_TYPES } from '../imports/imports.service';
import { XLSX_CONTENT_TYPE } from '../imports/xlsx-files';
import { CopyPlanDto, CopyPlanResponse, PlanListQuery, PlanResponse, PlanSummaryResponse, ReplacePlanDto, ReturnPlanDto } from './dto/plan.dto';
import { PlanService } from './plan.service';

/** The plan import takes the file as the raw body (registered with the imports module's parser by PlanningModule). */
export const PLAN_IMPORT_ROUTE = '/api/v1/teaching-assignments/:assignmentId/plan/import';

/** Teachers write their own assignments' plans; the deputy and the administrator any. */
const WRITERS = [Role.Admin, Role.Deputy, Role.Teacher];
/** The director reads every plan too. */
const READERS = [Role.Admin, Role.Director, Role.Deputy, Role.Teacher];

@ApiTags('planning')
@Controller()
export class PlanController {
  constructor(private readonly plans: PlanService) {}

  @Get('academic-years/:yearId/plans')
  @Access(...READERS)
  @ApiOperation({
    operationId: 'listPlans',
    summary: "Thematic plans of a year, one per teaching assignment, with planned vs curriculum hours (the deputy's control; a teacher sees their own)",
  })
  @ApiPageResponse(PlanSummaryResponse)
  @ApiProblems(400, 404, 422)
  list(@CurrentActor() actor: Actor, @Param('yearId', ParseUUIDPipe) yearId: string, @Query() query: PlanListQuery): Promise<Page<PlanSummaryResponse>> {
    return this.plans.list(actor, yearId, query);
  }

  @Get('teaching-assignments/:assignmentId/plan')
  @Access(...READERS)
  @ApiOperation({ operationId: 'getPlan', summary: 'The thematic plan (КТП) of an assignment: topics, total hours, the curriculum hours and the difference' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('assignmentId', ParseUUIDPipe) id: string): Promise<PlanResponse> {
    return this.plans.get(actor, id);
  }

  @Put('teaching-assignments/:assignmentId/plan')
  @Access(...WRITERS)
  @ApiOperation({ operationId: 'replacePlan', summary: "Replace the plan's topics in one transaction (a draft or returned plan only)" })
  @ApiProblems(400, 404, 409, 422)
  replace(@CurrentActor() actor: Actor, @Param('assignmentId', ParseUUIDPipe) id: string, @Body() dto: ReplacePlanDto): Promise<PlanResponse> {
    return this.plans.replace(actor, id, dto);
  }

  @Post('teaching-assignments/:assignmentId/plan/submit')
  @HttpCode(200)
  @Access(...WRITERS)
  @ApiOperation({ operationId: 'submitPlan', summary: 'Submit the plan for approval' })
  @ApiProblems(400, 404, 409)
  submit(@CurrentActor() actor: Actor, @Param('assignmentId', ParseUUIDPipe) id: string): Promise<PlanResponse> {
    return this.plans.submit(actor, id);
  }

  @Post('teaching-assignments/:assignmentId/plan/approve')
  @HttpCode(200)
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'approvePlan', summary: 'Approve a submitted plan whose hours equal the curriculum (409 plan-hours-mismatch with the difference otherwise)' })
  @ApiProblems(400, 404, 409)
  approve(@CurrentActor() actor: Actor, @Param('assignmentId', ParseUUIDPipe) id: string): Promise<PlanResponse> {
    return this.plans.approve(actor, id);
  }

  @Post('teaching-assignments/:assignmentId/plan/return')
  @HttpCode(200)
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'returnPlan', summary: 'Return a submitted or approved plan to its teacher with a reason' })
  @ApiProblems(400, 404, 409, 422)
  returnPlan(@CurrentActor() actor: Actor, @Param('assignmentId', ParseUUIDPipe) id: string, @Body() dto: ReturnPlanDto): Promise<PlanResponse> {
    return this.plans.returnPlan(actor, id, dto);
  }

  @Post('teaching-assignments/:assignmentId/plan/copy')
  @HttpCode(200)
  @Access(...WRITERS)
  @ApiOperation({ operationId: 'copyPlan', summary: 'Copy the topics to other assignments of the same subject and grade (по параллелям); targets become drafts' })
  @ApiProblems(400, 404, 409, 422)
  copy(@CurrentActor() actor: Actor, @Param('assignmentId', ParseUUIDPipe) id: string, @Body() dto: CopyPlanDto): Promise<CopyPlanResponse> {
    return this.plans.copy(actor, id, dto);
  }

  @Get('teaching-assignments/:assignmentId/plan/export')
  @Access(...READERS)
  @ApiOperation({ operationId: 'exportPlan', summary: 'The plan as XLSX: sheet «КТП» with columns №, Тема, Часы, Вид работы, Примечание' })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'The XLSX file, with `Content-Disposition: attachment`', content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(400, 404)
  @Header('cache-control', 'no-store')
  async export(@CurrentActor() actor: Actor, @Param('assignmentId', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return xlsxFile(await this.plans.export(actor, id));
  }

  @Post('teaching-assignments/:assignmentId/plan/import')
  @HttpCode(200)
  @Access(...WRITERS)
  @ApiOperation({
    operationId: 'importPlan',
    summary: "Replace the plan's topics from an XLSX file (as the export writes it): all or nothing; 422 plan-file-invalid lists rowErrors [{row, column, message}]",
  })
  @ApiConsumes(...IMPORT_CONTENT_TYPES)
  @ApiBody({
    description: 'The file itself as the raw body: XLSX (or CSV) with the columns Тема, Часы and optionally №, Вид работы, Примечание',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiProblems(400, 404, 409, 413, 415, 422)
  import(@CurrentActor() actor: Actor, @Param('assignmentId', ParseUUIDPipe) id: string, @Req() req: FastifyRequest): Promise<PlanResponse> {
    return this.plans.import(actor, id, req.body, req.headers['content-type']);
  }
}
