import { applyDecorators, Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { SCHOOL_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { TimetableViewQuery, TimetableViewResponse } from './dto/timetable-view.dto';
import { etagOf, noneMatch, TimetableViewService } from './timetable-view.service';

/** 200 with ETag and `Cache-Control: private, no-cache`; 304 without a body when If-None-Match names the ETag. */
function ApiConditionalView(): MethodDecorator {
  return applyDecorators(
    ApiOkResponse({
      type: TimetableViewResponse,
      description: 'The days with their lessons',
      headers: {
        ETag: { description: 'Strong validator of the body; send it back in If-None-Match', schema: { type: 'string' } },
        'Cache-Control': { description: '`private, no-cache`: revalidate every time', schema: { type: 'string' } },
      },
    }),
    ApiResponse({ status: 304, description: 'Not modified: If-None-Match names the current ETag; no body' }),
  );
}

/**
 * Timetable views (R-SCH-4) for a class, a teacher, a room or a student, by day or by week, with bell times; a
 * conditional GET (ETag / If-None-Match → 304). Parents see their children's, students their own (studentId), staff
 * per reach; out of reach 404.
 */
@ApiTags('schedule')
@Controller('timetable')
export class TimetableViewController {
  constructor(private readonly views: TimetableViewService) {}

  @Get('week')
  @Access(...SCHOOL_ROLES)
  @ApiOperation({
    operationId: 'getTimetableWeek',
    summary: 'The Monday–Sunday week containing a date: lessons with bell times of a class, a teacher, a room or a student',
  })
  @ApiConditionalView()
  @ApiProblems(400, 404, 422)
  async week(
    @CurrentActor() actor: Actor,
    @Query() query: TimetableViewQuery,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    send(req, reply, await this.views.week(actor, query));
  }

  @Get('day')
  @Access(...SCHOOL_ROLES)
  @ApiOperation({ operationId: 'getTimetableDay', summary: 'One day: lessons with bell times of a class, a teacher, a room or a student' })
  @ApiConditionalView()
  @ApiProblems(400, 404, 422)
  async day(
    @CurrentActor() actor: Actor,
    @Query() query: TimetableViewQuery,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    send(req, reply, await this.views.day(actor, query));
  }
}

function send(req: FastifyRequest, reply: FastifyReply, body: TimetableViewResponse): void {
  const etag = etagOf(body);
  reply.header('etag', etag).header('cache-control', 'private, no-cache');
  if (noneMatch(req.headers['if-none-match'], etag)) {
    reply.code(304).send();
    return;
  }
  reply.code(200).send(body);
}
