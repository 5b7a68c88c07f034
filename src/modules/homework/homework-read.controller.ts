import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { ClassHomeworkQuery, ClassHomeworkResponse } from './dto/homework-read.dto';
import { HomeworkReadService } from './homework-read.service';

/** A class's homework: its teachers and class teacher (per reach) and the school's management. */
@ApiTags('homework')
@Controller()
export class HomeworkReadController {
  constructor(private readonly homework: HomeworkReadService) {}

  @Get('classes/:classId/homework')
  @Access(Role.Admin, Role.Director, Role.Deputy, Role.Teacher)
  @ApiOperation({ operationId: 'listClassHomework', summary: "A class's homework (whole class and its subgroups) due in a date range, by due date" })
  @ApiOkResponse({ type: ClassHomeworkResponse })
  @ApiProblems(400, 404, 422)
  list(@CurrentActor() actor: Actor, @Param('classId', ParseUUIDPipe) classId: string, @Query() q: ClassHomeworkQuery): Promise<ClassHomeworkResponse> {
    return this.homework.forClass(actor, classId, q);
  }
}
