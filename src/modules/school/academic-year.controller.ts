import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role, STAFF_ROLES } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { ApiPageResponse, Page, PageQuery } from '../../common/pagination/pagination';
import { AcademicYearService } from './academic-year.service';
import { CalendarService } from './calendar.service';
import {
  CalendarQueryDto,
  CreateAcademicYearDto,
  CreateCalendarDayDto,
  CreateHolidayDto,
  CreateStudyPeriodDto,
  ReplaceWeekPatternsDto,
  UpdateAcademicYearDto,
  UpdateHolidayDto,
  UpdateStudyPeriodDto,
} from './dto/academic-year.dto';
import { SchoolCalendarResponse } from './dto/calendar.response';
import { AcademicYear } from './entities/academic-year.entity';
import { CalendarDay } from './entities/calendar-day.entity';
import { Holiday } from './entities/holiday.entity';
import { StudyPeriod } from './entities/study-period.entity';
import { WeekPattern } from './entities/week-pattern.entity';

const YearId = () => Param('yearId', ParseUUIDPipe);

@ApiTags('school')
@Controller()
export class AcademicYearController {
  constructor(
    private readonly years: AcademicYearService,
    private readonly calendars: CalendarService,
  ) {}

  @Get('academic-years')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'listAcademicYears', summary: 'Academic years of the school, oldest first' })
  @ApiPageResponse(AcademicYear)
  @ApiProblems(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<AcademicYear>> {
    return this.years.list(actor, query);
  }

  @Post('academic-years')
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'createAcademicYear', summary: 'Add an academic year; it may not overlap another' })
  @ApiProblems(400, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAcademicYearDto): Promise<AcademicYear> {
    return this.years.create(actor, dto);
  }

  @Get('academic-years/:yearId')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'getAcademicYear', summary: 'One academic year' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @YearId() yearId: string): Promise<AcademicYear> {
    return this.years.get(actor, yearId);
  }

  @Patch('academic-years/:yearId')
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'updateAcademicYear', summary: 'Change an academic year; its periods, holidays and days must stay inside' })
  @ApiProblems(400, 404, 422)
  update(@CurrentActor() actor: Actor, @YearId() yearId: string, @Body() dto: UpdateAcademicYearDto): Promise<AcademicYear> {
    return this.years.update(actor, yearId, dto);
  }

  @Get('academic-years/:yearId/calendar')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'getSchoolCalendar', summary: 'Working days of a grade, day by day, with the reason for each day off' })
  @ApiOkResponse({ type: SchoolCalendarResponse })
  @ApiProblems(400, 404, 422)
  calendar(@CurrentActor() actor: Actor, @YearId() yearId: string, @Query() query: CalendarQueryDto): Promise<SchoolCalendarResponse> {
    return this.calendars.view(actor, yearId, query);
  }

  // ---- study periods

  @Get('academic-years/:yearId/study-periods')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'listStudyPeriods', summary: 'Study periods (quarters, half-years) of a year, by start date' })
  @ApiPageResponse(StudyPeriod)
  @ApiProblems(400, 404, 422)
  listPeriods(@CurrentActor() actor: Actor, @YearId() yearId: string, @Query() query: PageQuery): Promise<Page<StudyPeriod>> {
    return this.years.listPeriods(actor, yearId, query);
  }

  @Post('academic-years/:yearId/study-periods')
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'createStudyPeriod', summary: 'Add a study period: inside the year, not overlapping another of its grades' })
  @ApiProblems(400, 404, 422)
  createPeriod(@CurrentActor() actor: Actor, @YearId() yearId: string, @Body() dto: CreateStudyPeriodDto): Promise<StudyPeriod> {
    return this.years.createPeriod(actor, yearId, dto);
  }

  @Patch('study-periods/:periodId')
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'updateStudyPeriod', summary: 'Change a study period\'s name or dates' })
  @ApiProblems(400, 404, 422)
  updatePeriod(
    @CurrentActor() actor: Actor,
    @Param('periodId', ParseUUIDPipe) periodId: string,
    @Body() dto: UpdateStudyPeriodDto,
  ): Promise<StudyPeriod> {
    return this.years.updatePeriod(actor, periodId, dto);
  }

  @Delete('study-periods/:periodId')
  @HttpCode(204)
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'deleteStudyPeriod', summary: 'Remove a study period that nothing refers to' })
  @ApiProblems(400, 404, 409)
  deletePeriod(@CurrentActor() actor: Actor, @Param('periodId', ParseUUIDPipe) periodId: string): Promise<void> {
    return this.years.deletePeriod(actor, periodId);
  }

  // ---- holidays

  @Get('academic-years/:yearId/holidays')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'listHolidays', summary: 'Holidays (каникулы) of a year, by start date' })
  @ApiPageResponse(Holiday)
  @ApiProblems(400, 404, 422)
  listHolidays(@CurrentActor() actor: Actor, @YearId() yearId: string, @Query() query: PageQuery): Promise<Page<Holiday>> {
    return this.years.listHolidays(actor, yearId, query);
  }

  @Post('academic-years/:yearId/holidays')
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'createHoliday', summary: 'Add holidays for a band of grades' })
  @ApiProblems(400, 404, 422)
  createHoliday(@CurrentActor() actor: Actor, @YearId() yearId: string, @Body() dto: CreateHolidayDto): Promise<Holiday> {
    return this.years.createHoliday(actor, yearId, dto);
  }

  @Patch('holidays/:holidayId')
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'updateHoliday', summary: 'Change holidays\' name or dates' })
  @ApiProblems(400, 404, 422)
  updateHoliday(
    @CurrentActor() actor: Actor,
    @Param('holidayId', ParseUUIDPipe) holidayId: string,
    @Body() dto: UpdateHolidayDto,
  ): Promise<Holiday> {
    return this.years.updateHoliday(actor, holidayId, dto);
  }

  @Delete('holidays/:holidayId')
  @HttpCode(204)
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'deleteHoliday', summary: 'Remove holidays' })
  @ApiProblems(400, 404)
  deleteHoliday(@CurrentActor() actor: Actor, @Param('holidayId', ParseUUIDPipe) holidayId: string): Promise<void> {
    return this.years.deleteHoliday(actor, holidayId);
  }

  // ---- calendar exceptions

  @Get('academic-years/:yearId/calendar-days')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'listCalendarDays', summary: 'State holidays and moved working days of a year' })
  @ApiPageResponse(CalendarDay)
  @ApiProblems(400, 404, 422)
  listCalendarDays(@CurrentActor() actor: Actor, @YearId() yearId: string, @Query() query: PageQuery): Promise<Page<CalendarDay>> {
    return this.years.listCalendarDays(actor, yearId, query);
  }

  @Post('academic-years/:yearId/calendar-days')
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'createCalendarDay', summary: 'Mark a day as non-working (holiday, order) or as a moved working day' })
  @ApiProblems(400, 404, 422)
  createCalendarDay(@CurrentActor() actor: Actor, @YearId() yearId: string, @Body() dto: CreateCalendarDayDto): Promise<CalendarDay> {
    return this.years.createCalendarDay(actor, yearId, dto);
  }

  @Delete('calendar-days/:dayId')
  @HttpCode(204)
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'deleteCalendarDay', summary: 'Return a day to the weekly pattern' })
  @ApiProblems(400, 404)
  deleteCalendarDay(@CurrentActor() actor: Actor, @Param('dayId', ParseUUIDPipe) dayId: string): Promise<void> {
    return this.years.deleteCalendarDay(actor, dayId);
  }

  // ---- week patterns

  @Get('academic-years/:yearId/week-patterns')
  @Access(...STAFF_ROLES)
  @ApiOperation({ operationId: 'listWeekPatterns', summary: 'Five- or six-day week per band of grades' })
  @ApiOkResponse({ type: [WeekPattern] })
  @ApiProblems(400, 404)
  listWeekPatterns(@CurrentActor() actor: Actor, @YearId() yearId: string): Promise<WeekPattern[]> {
    return this.years.listWeekPatterns(actor, yearId);
  }

  @Put('academic-years/:yearId/week-patterns')
  @Access(Role.Admin)
  @ApiOperation({ operationId: 'replaceWeekPatterns', summary: 'Set the week patterns of a year; bands must cover grades 1–11 once' })
  @ApiOkResponse({ type: [WeekPattern] })
  @ApiProblems(400, 404, 422)
  replaceWeekPatterns(@CurrentActor() actor: Actor, @YearId() yearId: string, @Body() dto: ReplaceWeekPatternsDto): Promise<WeekPattern[]> {
    return this.years.replaceWeekPatterns(actor, yearId, dto);
  }
}
