import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role, SCHOOL_ROLES, STAFF_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { ApiPageResponse, Page } from '../../common/pagination/pagination';
import {
  ClassRoster,
  ClassRosterQuery,
  CreateStudentDto,
  StudentCard,
  StudentListItem,
  StudentListQuery,
  StudentVerification,
  UnverifiedQuery,
  UnverifiedStudent,
  UpdateStudentDto,
} from './dto/student.dto';
import { StudentService } from './student.service';

@ApiTags('contingent')
@Controller()
export class StudentController {
  constructor(private readonly students: StudentService) {}

  @Get('students')
  @Access(...SCHOOL_ROLES)
  @ApiOperation({
    operationId: 'listStudents',
    summary: 'Students in reach (a parent: their children; a student: themself), in Russian alphabetical order, with the class on a date',
  })
  @ApiPageResponse(StudentListItem)
  @ApiProblems(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: StudentListQuery): Promise<Page<StudentListItem>> {
    return this.students.list(actor, query);
  }

  @Post('students')
  @Access(Role.Admin, Role.Secretary)
  @ApiOperation({ operationId: 'createStudent', summary: "Add a student's card, optionally with the arrival in a class (one transaction)" })
  @ApiProblems(400, 404, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateStudentDto): Promise<StudentCard> {
    return this.students.create(actor, dto);
  }

  @Get('students/unverified')
  @Access(Role.Admin, Role.Deputy, Role.Director, Role.Teacher)
  @ApiOperation({
    operationId: 'listUnverifiedStudents',
    summary: 'Current students whose card was not confirmed for over 30 days (§4.3.6); a teacher sees their own classes',
  })
  @ApiPageResponse(UnverifiedStudent)
  @ApiProblems(400, 422)
  unverified(@CurrentActor() actor: Actor, @Query() query: UnverifiedQuery): Promise<Page<UnverifiedStudent>> {
    return this.students.unverified(actor, query);
  }

  @Get('students/:studentId')
  @Access(...SCHOOL_ROLES)
  @ApiOperation({ operationId: 'getStudent', summary: "A student's card (recorded as a personal-data read)" })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('studentId', ParseUUIDPipe) id: string): Promise<StudentCard> {
    return this.students.get(actor, id);
  }

  @Patch('students/:studentId')
  @Access(Role.Admin, Role.Secretary, Role.Teacher)
  @ApiOperation({
    operationId: 'updateStudent',
    summary: "Edit a student's card: admin, secretary, or the class teacher of the student's class (not the file number)",
  })
  @ApiProblems(400, 404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('studentId', ParseUUIDPipe) id: string, @Body() dto: UpdateStudentDto): Promise<StudentCard> {
    return this.students.update(actor, id, dto);
  }

  @Post('students/:studentId/verification')
  @HttpCode(200)
  @Access(Role.Admin, Role.Teacher)
  @ApiOperation({ operationId: 'verifyStudent', summary: "The class teacher confirms the student's personal data (who and when are kept)" })
  @ApiOkResponse({ type: StudentVerification })
  @ApiProblems(400, 404)
  verify(@CurrentActor() actor: Actor, @Param('studentId', ParseUUIDPipe) id: string): Promise<StudentVerification> {
    return this.students.verify(actor, id);
  }

  @Get('classes/:classId/students')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'listClassStudents', summary: 'The list of a class on a date (№ п/п, ФИО, gender, birth date, file number)' })
  @ApiOkResponse({ type: ClassRoster })
  @ApiProblems(400, 404, 422)
  roster(@CurrentActor() actor: Actor, @Param('classId', ParseUUIDPipe) classId: string, @Query() query: ClassRosterQuery): Promise<ClassRoster> {
    return this.students.roster(actor, classId, query);
  }
}
