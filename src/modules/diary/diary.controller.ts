import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { JSON_TEXT } from '../../common/http/json-text';
import {
  DiaryCardResponse,
  DiaryHomeworkQuery,
  DiaryHomeworkResponse,
  DiaryMarksQuery,
  DiaryMarksResponse,
  DiaryStudentQuery,
  DiaryWeekQuery,
  DiaryWeekResponse,
} from './dto/diary.dto';
import { DiaryService } from './diary.service';

/** Students (themselves), guardians (their children) and staff (students within their reach) read the diary. */
const READERS = [Role.Student, Role.Parent, Role.Teacher, Role.Deputy, Role.Director, Role.Admin];

/** The diary (дневник): a student's card, week, marks and homework; a student out of reach answers 404. */
@ApiTags('diary')
@Controller('diary')
export class DiaryController {
  constructor(private readonly diary: DiaryService) {}

  @Get('card')
  @Access(...READERS)
  @ApiOperation({ operationId: 'getDiaryCard', summary: "The student's personal card: full name, school, class today" })
  @ApiOkResponse({ type: DiaryCardResponse })
  @ApiProblems(400, 404, 422)
  card(@CurrentActor() actor: Actor, @Query() q: DiaryStudentQuery): Promise<DiaryCardResponse> {
    return this.diary.card(actor, q.studentId);
  }

  @Get('week')
  @Access(...READERS)
  @ApiOperation({
    operationId: 'getDiaryWeek',
    summary: "The student's week (Monday–Sunday): each day's lessons with times, subject, teacher, room, changes, topic or planned topic, homework, marks and attendance; homework due",
  })
  @ApiOkResponse({ type: DiaryWeekResponse })
  @ApiProblems(400, 404, 422)
  // the service answers the DiaryWeekResponse as JSON text, mostly built by PostgreSQL
  @Header('Content-Type', JSON_TEXT)
  week(@CurrentActor() actor: Actor, @Query() q: DiaryWeekQuery): Promise<string> {
    return this.diary.week(actor, q);
  }

  @Get('marks')
  @Access(...READERS)
  @ApiOperation({
    operationId: 'getDiaryMarks',
    summary: "The student's marks of a study period by subject, with their weighted average and the class average (aggregate only)",
  })
  @ApiOkResponse({ type: DiaryMarksResponse })
  @ApiProblems(400, 404, 422)
  marks(@CurrentActor() actor: Actor, @Query() q: DiaryMarksQuery): Promise<DiaryMarksResponse> {
    return this.diary.marks(actor, q);
  }

  @Get('homework')
  @Access(...READERS)
  @ApiOperation({ operationId: 'getDiaryHomework', summary: "The student's homework due in a date range, by due date, with the lesson it was set at" })
  @ApiOkResponse({ type: DiaryHomeworkResponse })
  @ApiProblems(400, 404, 422)
  homework(@CurrentActor() actor: Actor, @Query() q: DiaryHomeworkQuery): Promise<DiaryHomeworkResponse> {
    return this.diary.homework(actor, q);
  }
}
