import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { CoverageQuery, CoverageResponse, DatedLessonListResponse, DatedLessonResponse, LessonListQuery } from './dto/lesson.dto';
import { LessonService } from './lesson.service';

/** Teachers (their own, their classes') and the school's management read dated lessons and coverage. */
const READERS = [Role.Admin, Role.Director, Role.Deputy, Role.Teacher];

/**
 * Dated lessons — each lesson of the year on its date, as the timetable, the calendar and the dated changes make it,
 * with the approved plan's topic laid on it — and the coverage of the plans (учёт пройденного материала).
 */
@ApiTags('lessons')
@Controller()
export class LessonController {
  constructor(private readonly lessons: LessonService) {}

  @Get('lessons')
  @Access(...READERS)
  @ApiOperation({
    operationId: 'listLessons',
    summary: 'Dated lessons of a class, a teaching assignment or a teacher over a period, with changes and the planned topic',
  })
  @ApiOkResponse({ type: DatedLessonListResponse })
  @ApiProblems(400, 404, 422)
  list(@CurrentActor() actor: Actor, @Query() query: LessonListQuery): Promise<DatedLessonListResponse> {
    return this.lessons.list(actor, query);
  }

  @Get('lessons/:lessonId')
  @Access(...READERS)
  @ApiOperation({ operationId: 'getLesson', summary: 'One dated lesson' })
  @ApiOkResponse({ type: DatedLessonResponse })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('lessonId', ParseUUIDPipe) id: string): Promise<DatedLessonResponse> {
    return this.lessons.get(actor, id);
  }

  @Get('academic-years/:yearId/coverage')
  @Access(...READERS)
  @ApiOperation({
    operationId: 'getCoverage',
    summary: "Coverage of the thematic plans on a date: lessons due by the plan vs given, the lag (отставание) per assignment (the deputy's control; a teacher sees their own)",
  })
  @ApiOkResponse({ type: CoverageResponse })
  @ApiProblems(400, 404, 422)
  coverage(@CurrentActor() actor: Actor, @Param('yearId', ParseUUIDPipe) yearId: string, @Query() query: CoverageQuery): Promise<CoverageResponse> {
    return this.lessons.coverage(actor, yearId, query);
  }
}
