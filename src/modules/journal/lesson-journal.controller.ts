import { Body, Controller, Delete, Get, Header, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { JSON_TEXT } from '../../common/http/json-text';
import { AnnulMarkDto, CreateExternalMarkDto, MarkResponse } from './dto/external-mark.dto';
import { LessonHistoryResponse, LessonJournalResponse, MarkHistoryListResponse, PutLessonJournalDto, StudentMarkHistoryQuery } from './dto/lesson-journal.dto';
import { CreateOutageDto, OutageListQuery, OutageListResponse, OutageResponse } from './dto/outage.dto';
import { requestFingerprint } from './idempotency';
import { LessonJournalService } from './lesson-journal.service';
import { MarkService } from './mark.service';
import { OutageService } from './outage.service';

/**
 * The lesson's journal record (R-JRN-1…7): one PUT per lesson (topic, kind of work, marks, absences, homework), its
 * history, outage windows and home-schooling / hospital marks.
 */
@ApiTags('journal')
@Controller()
export class LessonJournalController {
  constructor(
    private readonly journal: LessonJournalService,
    private readonly marks: MarkService,
    private readonly outages: OutageService,
  ) {}

  @Get('lessons/:lessonId/journal')
  @Access(Role.Admin, Role.Director, Role.Deputy, Role.Teacher)
  @ApiOperation({ operationId: 'getLessonJournal', summary: "The lesson's journal record: topic, kind of work, marks, absences, homework, deadlines" })
  @ApiOkResponse({ type: LessonJournalResponse })
  @ApiProblems(400, 404)
  @Header('Content-Type', JSON_TEXT)
  get(@CurrentActor() actor: Actor, @Param('lessonId', ParseUUIDPipe) lessonId: string): Promise<string> {
    return this.journal.get(actor, lessonId);
  }

  @Put('lessons/:lessonId/journal')
  @Access(Role.Teacher)
  @ApiOperation({
    operationId: 'putLessonJournal',
    summary:
      "Write the lesson in one request (R-JRN-6): topic, kind of work, the complete marks and absences, homework — by the assignment's teacher or that date's substitute; retried with the same Idempotency-Key it writes nothing twice",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'up to 200 characters; the answer is kept 24 hours' })
  @ApiOkResponse({ type: LessonJournalResponse })
  @ApiProblems(400, 403, 404, 409, 422)
  @Header('Content-Type', JSON_TEXT)
  put(
    @CurrentActor() actor: Actor,
    @Param('lessonId', ParseUUIDPipe) lessonId: string,
    @Body() dto: PutLessonJournalDto,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: FastifyRequest,
  ): Promise<string> {
    const fingerprint = requestFingerprint('PUT', `/lessons/${lessonId}/journal`, req.body);
    return this.journal.put(actor, lessonId, dto, key, fingerprint);
  }

  @Get('lessons/:lessonId/history')
  @Access(Role.Admin, Role.Deputy, Role.Teacher)
  @ApiOperation({ operationId: 'getLessonHistory', summary: "The lesson's mark and attendance history (the class teacher, the deputy, the admin)" })
  @ApiOkResponse({ type: LessonHistoryResponse })
  @ApiProblems(400, 403, 404)
  history(@CurrentActor() actor: Actor, @Param('lessonId', ParseUUIDPipe) lessonId: string): Promise<LessonHistoryResponse> {
    return this.journal.lessonHistory(actor, lessonId);
  }

  @Get('students/:studentId/mark-history')
  @Access(Role.Admin, Role.Deputy, Role.Teacher)
  @ApiOperation({ operationId: 'getStudentMarkHistory', summary: "A student's mark history: every creation, change and annulment (the class teacher, the deputy, the admin)" })
  @ApiOkResponse({ type: MarkHistoryListResponse })
  @ApiProblems(400, 403, 404, 422)
  studentHistory(
    @CurrentActor() actor: Actor,
    @Param('studentId', ParseUUIDPipe) studentId: string,
    @Query() query: StudentMarkHistoryQuery,
  ): Promise<MarkHistoryListResponse> {
    return this.marks.studentHistory(actor, studentId, query);
  }

  @Post('students/:studentId/external-marks')
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'createExternalMark', summary: 'Record a mark from home schooling or a hospital school with its document (R-JRN-7)' })
  @ApiCreatedResponse({ type: MarkResponse })
  @ApiProblems(400, 404, 422)
  createExternal(@CurrentActor() actor: Actor, @Param('studentId', ParseUUIDPipe) studentId: string, @Body() dto: CreateExternalMarkDto): Promise<MarkResponse> {
    return this.marks.createExternal(actor, studentId, dto);
  }

  @Post('marks/:markId/annul')
  @HttpCode(200)
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'annulMark', summary: "Annul a home-schooling or hospital mark (a journal mark is annulled through the lesson's PUT)" })
  @ApiOkResponse({ type: MarkResponse })
  @ApiProblems(400, 404, 409, 422)
  annul(@CurrentActor() actor: Actor, @Param('markId', ParseUUIDPipe) markId: string, @Body() dto: AnnulMarkDto): Promise<MarkResponse> {
    return this.marks.annul(actor, markId, dto);
  }

  @Post('journal-outages')
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'createJournalOutage', summary: 'Declare an outage window: deadlines it overlaps move to the working day after access returned (§4.4.14)' })
  @ApiCreatedResponse({ type: OutageResponse })
  @ApiProblems(400, 422)
  createOutage(@CurrentActor() actor: Actor, @Body() dto: CreateOutageDto): Promise<OutageResponse> {
    return this.outages.create(actor, dto);
  }

  @Get('journal-outages')
  @Access(Role.Admin, Role.Deputy)
  @ApiOperation({ operationId: 'listJournalOutages', summary: 'Outage windows that meet [from, to]' })
  @ApiOkResponse({ type: OutageListResponse })
  @ApiProblems(400, 422)
  listOutages(@CurrentActor() actor: Actor, @Query() query: OutageListQuery): Promise<OutageListResponse> {
    return this.outages.list(actor, query);
  }

  @Delete('journal-outages/:outageId')
  @HttpCode(204)
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'deleteJournalOutage', summary: 'Remove an outage window' })
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  deleteOutage(@CurrentActor() actor: Actor, @Param('outageId', ParseUUIDPipe) outageId: string): Promise<void> {
    return this.outages.remove(actor, outageId);
  }
}
