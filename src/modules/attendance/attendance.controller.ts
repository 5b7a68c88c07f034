import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { AttendanceService } from './attendance.service';
import {
  AttendanceHistoryQuery,
  AttendanceHistoryResponse,
  AttendanceRecordResponse,
  AttendanceWeekQuery,
  AttendanceWeekResponse,
  ChangeAttendanceDto,
  MissedLessonsQuery,
  MissedLessonsResponse,
  VerifyAttendanceWeekDto,
} from './dto/attendance.dto';

const { Admin, Director, Deputy, Teacher, Parent, Student } = Role;

/**
 * Attendance: the class teacher verifies the class's week and changes reasons (every change in the history); missed
 * lessons per class and student as data.
 */
@ApiTags('attendance')
@Controller()
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get('classes/:classId/attendance')
  @Access(Admin, Director, Deputy, Teacher)
  @ApiOperation({
    operationId: 'getClassAttendanceWeek',
    summary: "The class's week (Monday–Sunday) of attendance: per day and lesson the absences by student, and its verification (the class teacher; the deputy, director and admin read)",
  })
  @ApiOkResponse({ type: AttendanceWeekResponse })
  @ApiProblems(400, 403, 404, 422)
  week(@CurrentActor() actor: Actor, @Param('classId', ParseUUIDPipe) classId: string, @Query() query: AttendanceWeekQuery): Promise<AttendanceWeekResponse> {
    return this.attendance.week(actor, classId, query.weekOf);
  }

  @Post('classes/:classId/attendance/verify')
  @HttpCode(200)
  @Access(Admin, Teacher)
  @ApiOperation({ operationId: 'verifyClassAttendanceWeek', summary: "The class teacher marks the class's week of attendance verified (again: updates it)" })
  @ApiOkResponse({ type: AttendanceWeekResponse })
  @ApiProblems(400, 403, 404, 422)
  verify(@CurrentActor() actor: Actor, @Param('classId', ParseUUIDPipe) classId: string, @Body() dto: VerifyAttendanceWeekDto): Promise<AttendanceWeekResponse> {
    return this.attendance.verify(actor, classId, dto);
  }

  @Put('lessons/:lessonId/attendance/:studentId')
  @Access(Admin, Teacher)
  @ApiOperation({
    operationId: 'changeAttendance',
    summary: "The class teacher changes a student's attendance at a conducted lesson (e.g. Н → У or Б with a note), with a reason kept in the history",
  })
  @ApiOkResponse({ type: AttendanceRecordResponse })
  @ApiProblems(400, 403, 404, 409, 422)
  change(
    @CurrentActor() actor: Actor,
    @Param('lessonId', ParseUUIDPipe) lessonId: string,
    @Param('studentId', ParseUUIDPipe) studentId: string,
    @Body() dto: ChangeAttendanceDto,
  ): Promise<AttendanceRecordResponse> {
    return this.attendance.change(actor, lessonId, studentId, dto);
  }

  @Get('students/:studentId/attendance-history')
  @Access(Admin, Deputy, Teacher)
  @ApiOperation({ operationId: 'getAttendanceHistory', summary: "Every change of a student's attendance: old and new code and note, who, when, why (the class teacher, deputy, admin)" })
  @ApiOkResponse({ type: AttendanceHistoryResponse })
  @ApiProblems(400, 403, 404, 422)
  history(@CurrentActor() actor: Actor, @Param('studentId', ParseUUIDPipe) studentId: string, @Query() query: AttendanceHistoryQuery): Promise<AttendanceHistoryResponse> {
    return this.attendance.history(actor, studentId, query);
  }

  @Get('classes/:classId/missed-lessons')
  @Access(Admin, Director, Deputy, Teacher)
  @ApiOperation({
    operationId: 'getClassMissedLessons',
    summary: 'Missed lessons per student of a class over a study period or dates: lessons, missed, of them excused and ill, late, full days missed',
  })
  @ApiOkResponse({ type: MissedLessonsResponse })
  @ApiProblems(400, 404, 422)
  classMissed(@CurrentActor() actor: Actor, @Param('classId', ParseUUIDPipe) classId: string, @Query() query: MissedLessonsQuery): Promise<MissedLessonsResponse> {
    return this.attendance.classMissed(actor, classId, query);
  }

  @Get('students/:studentId/missed-lessons')
  @Access(Admin, Director, Deputy, Teacher, Parent, Student)
  @ApiOperation({ operationId: 'getStudentMissedLessons', summary: "A student's missed lessons over a study period or dates (the student, their guardians, the staff who reach them)" })
  @ApiOkResponse({ type: MissedLessonsResponse })
  @ApiProblems(400, 404, 422)
  studentMissed(@CurrentActor() actor: Actor, @Param('studentId', ParseUUIDPipe) studentId: string, @Query() query: MissedLessonsQuery): Promise<MissedLessonsResponse> {
    return this.attendance.studentMissed(actor, studentId, query);
  }
}
