import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { notFound } from '../../common/errors/problem';
import { assertDateRange } from './school-rules';
import { addDays, weekday, WorkingCalendar } from './calendar/working-calendar';
import { CalendarQueryDto } from './dto/academic-year.dto';
import { SchoolCalendarResponse } from './dto/calendar.response';
import { AcademicYear } from './entities/academic-year.entity';
import { CalendarDayKind } from './entities/calendar-day.entity';

export interface GradeCalendar {
  year: AcademicYear;
  grade: number;
  daysPerWeek: 5 | 6;
  calendar: WorkingCalendar;
  holidays: Array<{ name: string; startsOn: string; endsOn: string }>;
  exceptions: Array<{ date: string; kind: CalendarDayKind; reason: string }>;
}

const DEFAULT_DAYS_PER_WEEK = 5;

/**
 * The working-day calendar of one grade in one academic year (рабочие дни): used by the calendar view
 * and by later rules such as mark deadlines (`calendar.addWorkingDays(lessonDate, 2)`).
 */
@Injectable()
export class CalendarService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forGrade(schoolId: string, yearId: string, grade: number): Promise<GradeCalendar> {
    const year = await this.db.getRepository(AcademicYear).findOneBy({ id: yearId, schoolId });
    if (!year) throw notFound('Academic year');
    const [pattern] = await this.db.query(
      'SELECT days_per_week FROM week_pattern WHERE school_id = $1 AND academic_year_id = $2 AND $3 BETWEEN grade_from AND grade_to',
      [schoolId, yearId, grade],
    );
    const holidays: GradeCalendar['holidays'] = await this.db.query(
      `SELECT name, starts_on AS "startsOn", ends_on AS "endsOn" FROM holiday
        WHERE school_id = $1 AND academic_year_id = $2 AND $3 BETWEEN grade_from AND grade_to ORDER BY starts_on`,
      [schoolId, yearId, grade],
    );
    const exceptions: GradeCalendar['exceptions'] = await this.db.query(
      'SELECT date, kind, reason FROM calendar_day WHERE school_id = $1 AND academic_year_id = $2 ORDER BY date',
      [schoolId, yearId],
    );
    const daysPerWeek = (pattern?.days_per_week ?? DEFAULT_DAYS_PER_WEEK) as 5 | 6;
    const calendar = new WorkingCalendar({
      yearStartsOn: year.startsOn,
      yearEndsOn: year.endsOn,
      daysPerWeek,
      holidays,
      nonWorkingDays: exceptions.filter((e) => e.kind === CalendarDayKind.NonWorking).map((e) => e.date),
      workingDays: exceptions.filter((e) => e.kind === CalendarDayKind.Working).map((e) => e.date),
    });
    return { year, grade, daysPerWeek, calendar, holidays, exceptions };
  }

  /** Day-by-day view with the reason for every day that is not an ordinary one. */
  async view(actor: Actor, yearId: string, q: CalendarQueryDto): Promise<SchoolCalendarResponse> {
    const g = await this.forGrade(actor.schoolId, yearId, q.grade);
    const from = q.from && q.from > g.year.startsOn ? q.from : g.year.startsOn;
    const to = q.to && q.to < g.year.endsOn ? q.to : g.year.endsOn;
    if (q.from && q.to) assertDateRange(q.from, q.to, 'to');
    const exceptionOn = new Map(g.exceptions.map((e) => [e.date, e]));
    const days: SchoolCalendarResponse['days'] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const working = g.calendar.isWorkingDay(d);
      const holiday = g.holidays.find((h) => h.startsOn <= d && d <= h.endsOn);
      const exception = exceptionOn.get(d);
      const wd = weekday(d);
      const reason = holiday?.name ?? exception?.reason ?? (wd > g.daysPerWeek ? 'Выходной день' : null);
      days.push({ date: d, weekday: wd, working, reason });
    }
    return {
      academicYearId: g.year.id,
      grade: g.grade,
      daysPerWeek: g.daysPerWeek,
      workingDays: days.filter((d) => d.working).length,
      days,
    };
  }
}
