import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { fieldProblem, notFound } from '../../common/errors/problem';
import { KeysetKey, Page, PageQuery, paginate } from '../../common/pagination/pagination';
import {
  CreateAcademicYearDto,
  CreateCalendarDayDto,
  CreateHolidayDto,
  CreateStudyPeriodDto,
  ReplaceWeekPatternsDto,
  UpdateAcademicYearDto,
  UpdateHolidayDto,
  UpdateStudyPeriodDto,
} from './dto/academic-year.dto';
import { AcademicYear } from './entities/academic-year.entity';
import { CalendarDay, CalendarDayKind } from './entities/calendar-day.entity';
import { Holiday } from './entities/holiday.entity';
import { StudyPeriod, StudyPeriodKind } from './entities/study-period.entity';
import { WeekPattern } from './entities/week-pattern.entity';
import { lockSchool } from './school-lock';
import { ScheduleSources } from '../../common/schedule-sources/schedule-sources';
import {
  assertBandsCoverAllGrades,
  assertDateRange,
  assertGradeBand,
  assertInsideYear,
  gradeBandLabel,
} from './school-rules';

const KIND_NAMES: Record<StudyPeriodKind, string> = {
  [StudyPeriodKind.Quarter]: 'четверть',
  [StudyPeriodKind.Trimester]: 'триместр',
  [StudyPeriodKind.HalfYear]: 'полугодие',
};

const byStartThenId = (alias: string): KeysetKey[] => [
  { sql: `${alias}.starts_on`, cast: 'date' },
  { sql: `${alias}.id`, cast: 'uuid' },
];

/**
 * Academic years and what hangs on them: study periods, holidays, calendar exceptions and week patterns.
 * Every write runs in one transaction that first locks the year (or the school, for years), so the
 * overlap checks see every concurrent change; a refused write leaves nothing behind.
 */
@Injectable()
export class AcademicYearService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: ScheduleSources,
  ) {}

  // ---- academic years -------------------------------------------------------------------------------

  list(actor: Actor, query: PageQuery): Promise<Page<AcademicYear>> {
    const qb = this.db.getRepository(AcademicYear).createQueryBuilder('y').where('y.school_id = :school', { school: actor.schoolId });
    return paginate(qb, byStartThenId('y'), query, (y) => [y.startsOn, y.id], (y) => y);
  }

  async get(actor: Actor, yearId: string, manager: EntityManager = this.db.manager, lock = false): Promise<AcademicYear> {
    const qb = manager.getRepository(AcademicYear).createQueryBuilder('y').where('y.id = :id AND y.school_id = :school', {
      id: yearId,
      school: actor.schoolId,
    });
    if (lock) qb.setLock('pessimistic_write');
    const year = await qb.getOne();
    if (!year) throw notFound('Academic year');
    return year;
  }

  create(actor: Actor, dto: CreateAcademicYearDto): Promise<AcademicYear> {
    assertDateRange(dto.startsOn, dto.endsOn);
    return this.db.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      await this.assertNoYearOverlap(m, actor.schoolId, dto.startsOn, dto.endsOn);
      return m.save(m.create(AcademicYear, { ...dto, schoolId: actor.schoolId }));
    });
  }

  update(actor: Actor, yearId: string, dto: UpdateAcademicYearDto): Promise<AcademicYear> {
    return this.db.transaction(async (m) => {
      await lockSchool(m, actor.schoolId);
      const year = await this.get(actor, yearId, m, true);
      const next = { ...year, ...dto };
      assertDateRange(next.startsOn, next.endsOn);
      await this.assertNoYearOverlap(m, actor.schoolId, next.startsOn, next.endsOn, year.id);
      // everything already laid into the year must stay inside it
      const [span] = await m.query(
        `SELECT min(d) AS first, max(d) AS last FROM (
           SELECT starts_on AS d FROM study_period WHERE school_id = $1 AND academic_year_id = $2
           UNION ALL SELECT ends_on FROM study_period WHERE school_id = $1 AND academic_year_id = $2
           UNION ALL SELECT starts_on FROM holiday WHERE school_id = $1 AND academic_year_id = $2
           UNION ALL SELECT ends_on FROM holiday WHERE school_id = $1 AND academic_year_id = $2
           UNION ALL SELECT date FROM calendar_day WHERE school_id = $1 AND academic_year_id = $2) s`,
        [actor.schoolId, year.id],
      );
      const first: string | null = span?.first ?? null;
      const last: string | null = span?.last ?? null;
      if (first && first < next.startsOn) {
        throw fieldProblem('year-excludes-records', 'startsOn', `must not be after ${first}: periods, holidays or calendar days of the year begin then`);
      }
      if (last && last > next.endsOn) {
        throw fieldProblem('year-excludes-records', 'endsOn', `must not be before ${last}: periods, holidays or calendar days of the year end then`);
      }
      const before = { startsOn: year.startsOn, endsOn: year.endsOn };
      Object.assign(year, dto);
      const saved = await m.save(year);
      const from = before.startsOn < year.startsOn ? before.startsOn : year.startsOn;
      await this.calendarChanged(m, actor.schoolId, from, before.endsOn > year.endsOn ? before.endsOn : year.endsOn);
      return saved;
    });
  }

  // ---- study periods --------------------------------------------------------------------------------

  async listPeriods(actor: Actor, yearId: string, query: PageQuery): Promise<Page<StudyPeriod>> {
    await this.get(actor, yearId);
    const qb = this.db
      .getRepository(StudyPeriod)
      .createQueryBuilder('p')
      .where('p.school_id = :school AND p.academic_year_id = :year', { school: actor.schoolId, year: yearId });
    return paginate(qb, byStartThenId('p'), query, (p) => [p.startsOn, p.id], (p) => p);
  }

  createPeriod(actor: Actor, yearId: string, dto: CreateStudyPeriodDto): Promise<StudyPeriod> {
    assertGradeBand(dto.gradeFrom, dto.gradeTo);
    assertDateRange(dto.startsOn, dto.endsOn);
    return this.db.transaction(async (m) => {
      const year = await this.get(actor, yearId, m, true);
      const period = m.create(StudyPeriod, {
        ...dto,
        name: dto.name ?? `${dto.number} ${KIND_NAMES[dto.kind]}`,
        schoolId: actor.schoolId,
        academicYearId: year.id,
      });
      await this.assertPeriodFits(m, year, period);
      return m.save(period);
    });
  }

  updatePeriod(actor: Actor, periodId: string, dto: UpdateStudyPeriodDto): Promise<StudyPeriod> {
    return this.db.transaction(async (m) => {
      const period = await this.findOwned(m, StudyPeriod, actor, periodId, 'Study period');
      const year = await this.get(actor, period.academicYearId, m, true);
      Object.assign(period, dto);
      assertDateRange(period.startsOn, period.endsOn);
      await this.assertPeriodFits(m, year, period);
      return m.save(period);
    });
  }

  async deletePeriod(actor: Actor, periodId: string): Promise<void> {
    await this.deleteOwned(StudyPeriod, actor, periodId, 'Study period');
  }

  // ---- holidays -------------------------------------------------------------------------------------

  async listHolidays(actor: Actor, yearId: string, query: PageQuery): Promise<Page<Holiday>> {
    await this.get(actor, yearId);
    const qb = this.db
      .getRepository(Holiday)
      .createQueryBuilder('h')
      .where('h.school_id = :school AND h.academic_year_id = :year', { school: actor.schoolId, year: yearId });
    return paginate(qb, byStartThenId('h'), query, (h) => [h.startsOn, h.id], (h) => h);
  }

  createHoliday(actor: Actor, yearId: string, dto: CreateHolidayDto): Promise<Holiday> {
    assertGradeBand(dto.gradeFrom, dto.gradeTo);
    assertDateRange(dto.startsOn, dto.endsOn);
    return this.db.transaction(async (m) => {
      const year = await this.get(actor, yearId, m, true);
      const holiday = m.create(Holiday, { ...dto, schoolId: actor.schoolId, academicYearId: year.id });
      await this.assertHolidayFits(m, year, holiday);
      const saved = await m.save(holiday);
      await this.calendarChanged(m, actor.schoolId, holiday.startsOn, holiday.endsOn);
      return saved;
    });
  }

  updateHoliday(actor: Actor, holidayId: string, dto: UpdateHolidayDto): Promise<Holiday> {
    return this.db.transaction(async (m) => {
      const holiday = await this.findOwned(m, Holiday, actor, holidayId, 'Holiday');
      const year = await this.get(actor, holiday.academicYearId, m, true);
      const before = { startsOn: holiday.startsOn, endsOn: holiday.endsOn };
      Object.assign(holiday, dto);
      assertDateRange(holiday.startsOn, holiday.endsOn);
      await this.assertHolidayFits(m, year, holiday);
      const saved = await m.save(holiday);
      await this.calendarChanged(m, actor.schoolId, before.startsOn, before.endsOn);
      await this.calendarChanged(m, actor.schoolId, holiday.startsOn, holiday.endsOn);
      return saved;
    });
  }

  async deleteHoliday(actor: Actor, holidayId: string): Promise<void> {
    await this.deleteOwned(Holiday, actor, holidayId, 'Holiday', (m, h) => this.calendarChanged(m, actor.schoolId, h.startsOn, h.endsOn));
  }

  // ---- calendar exceptions --------------------------------------------------------------------------

  async listCalendarDays(actor: Actor, yearId: string, query: PageQuery): Promise<Page<CalendarDay>> {
    await this.get(actor, yearId);
    const qb = this.db
      .getRepository(CalendarDay)
      .createQueryBuilder('d')
      .where('d.school_id = :school AND d.academic_year_id = :year', { school: actor.schoolId, year: yearId });
    return paginate(qb, [{ sql: 'd.date', cast: 'date' }, { sql: 'd.id', cast: 'uuid' }], query, (d) => [d.date, d.id], (d) => d);
  }

  createCalendarDay(actor: Actor, yearId: string, dto: CreateCalendarDayDto): Promise<CalendarDay> {
    return this.db.transaction(async (m) => {
      const year = await this.get(actor, yearId, m, true);
      assertInsideYear(year, dto.date, dto.date, { start: 'date', end: 'date' });
      if (dto.timetableWeekday !== undefined && dto.kind !== CalendarDayKind.Working) {
        throw fieldProblem('timetable-weekday-invalid', 'timetableWeekday', 'only a working day follows another weekday\'s timetable');
      }
      const taken = await m.findOneBy(CalendarDay, { schoolId: actor.schoolId, date: dto.date });
      if (taken) throw fieldProblem('calendar-day-exists', 'date', `is already marked as ${taken.kind} (${taken.reason})`);
      const day = await m.save(m.create(CalendarDay, { ...dto, schoolId: actor.schoolId, academicYearId: year.id }));
      await this.calendarChanged(m, actor.schoolId, day.date, day.date);
      return day;
    });
  }

  async deleteCalendarDay(actor: Actor, dayId: string): Promise<void> {
    await this.deleteOwned(CalendarDay, actor, dayId, 'Calendar day', (m, d) => this.calendarChanged(m, actor.schoolId, d.date, d.date));
  }

  // ---- week patterns --------------------------------------------------------------------------------

  async listWeekPatterns(actor: Actor, yearId: string): Promise<WeekPattern[]> {
    await this.get(actor, yearId);
    return this.db.getRepository(WeekPattern).find({
      where: { schoolId: actor.schoolId, academicYearId: yearId },
      order: { gradeFrom: 'ASC' },
    });
  }

  replaceWeekPatterns(actor: Actor, yearId: string, dto: ReplaceWeekPatternsDto): Promise<WeekPattern[]> {
    assertBandsCoverAllGrades(dto.patterns);
    return this.db.transaction(async (m) => {
      const year = await this.get(actor, yearId, m, true);
      await m.delete(WeekPattern, { schoolId: actor.schoolId, academicYearId: year.id });
      const rows = dto.patterns
        .map((p) => m.create(WeekPattern, { ...p, schoolId: actor.schoolId, academicYearId: year.id }))
        .sort((a, b) => a.gradeFrom - b.gradeFrom);
      const saved = await m.save(rows);
      await this.calendarChanged(m, actor.schoolId, year.startsOn, year.endsOn);
      return saved;
    });
  }

  // ---- helpers --------------------------------------------------------------------------------------

  private async assertNoYearOverlap(m: EntityManager, schoolId: string, startsOn: string, endsOn: string, exceptId?: string) {
    const [other] = await m.query(
      `SELECT name FROM academic_year
        WHERE school_id = $1 AND starts_on <= $3 AND ends_on >= $2 AND ($4::uuid IS NULL OR id <> $4::uuid) LIMIT 1`,
      [schoolId, startsOn, endsOn, exceptId ?? null],
    );
    if (other) throw fieldProblem('academic-year-overlap', 'startsOn', `the dates overlap the academic year ${other.name}`);
  }

  /** Inside the year; no other period of an intersecting grade band shares a day; number unique in its band and kind. */
  private async assertPeriodFits(m: EntityManager, year: AcademicYear, p: StudyPeriod): Promise<void> {
    assertInsideYear(year, p.startsOn, p.endsOn);
    const [overlap] = await m.query(
      `SELECT name, starts_on, ends_on, grade_from, grade_to FROM study_period
        WHERE school_id = $1 AND academic_year_id = $2 AND ($3::uuid IS NULL OR id <> $3::uuid)
          AND grade_from <= $5 AND grade_to >= $4 AND starts_on <= $7 AND ends_on >= $6
        ORDER BY starts_on LIMIT 1`,
      [year.schoolId, year.id, p.id ?? null, p.gradeFrom, p.gradeTo, p.startsOn, p.endsOn],
    );
    if (overlap) {
      throw fieldProblem(
        'period-overlap',
        'startsOn',
        `overlaps «${overlap.name}» (${overlap.starts_on} – ${overlap.ends_on}, ${gradeBandLabel(overlap.grade_from, overlap.grade_to)})`,
      );
    }
    const [same] = await m.query(
      `SELECT name FROM study_period WHERE school_id = $1 AND academic_year_id = $2 AND ($3::uuid IS NULL OR id <> $3::uuid)
          AND grade_from = $4 AND grade_to = $5 AND kind = $6 AND number = $7 LIMIT 1`,
      [year.schoolId, year.id, p.id ?? null, p.gradeFrom, p.gradeTo, p.kind, p.number],
    );
    if (same) throw fieldProblem('period-number-taken', 'number', `is already used by «${same.name}» in this grade band`);
  }

  /** Inside the year; no other holiday of an intersecting grade band shares a day. */
  private async assertHolidayFits(m: EntityManager, year: AcademicYear, h: Holiday): Promise<void> {
    assertInsideYear(year, h.startsOn, h.endsOn);
    const [overlap] = await m.query(
      `SELECT name, starts_on, ends_on FROM holiday
        WHERE school_id = $1 AND academic_year_id = $2 AND ($3::uuid IS NULL OR id <> $3::uuid)
          AND grade_from <= $5 AND grade_to >= $4 AND starts_on <= $7 AND ends_on >= $6 LIMIT 1`,
      [year.schoolId, year.id, h.id ?? null, h.gradeFrom, h.gradeTo, h.startsOn, h.endsOn],
    );
    if (overlap) {
      throw fieldProblem('holiday-overlap', 'startsOn', `overlaps «${overlap.name}» (${overlap.starts_on} – ${overlap.ends_on})`);
    }
  }

  private async findOwned<E extends { schoolId: string }>(
    m: EntityManager,
    entity: new () => E,
    actor: Actor,
    id: string,
    what: string,
  ): Promise<E> {
    const row = await m
      .getRepository(entity)
      .createQueryBuilder('e')
      .where('e.id = :id AND e.school_id = :school', { id, school: actor.schoolId })
      .setLock('pessimistic_write')
      .getOne();
    if (!row) throw notFound(what);
    return row;
  }

  /**
   * Deletes the school's row `id`; `after` runs in the same transaction with the row as it was (the dated lessons of
   * a deleted holiday come back).
   */
  private async deleteOwned<E extends { schoolId: string }>(
    entity: new () => E,
    actor: Actor,
    id: string,
    what: string,
    after?: (m: EntityManager, row: E) => Promise<void>,
  ): Promise<void> {
    // a transaction, like every write: it carries the audit context
    await this.db.transaction(async (m) => {
      const row = await this.findOwned(m, entity, actor, id, what);
      await m.createQueryBuilder().delete().from(entity).where('id = :id AND school_id = :school', { id, school: actor.schoolId }).execute();
      if (after) await after(m, row);
    });
  }

  /** The calendar of [from, to] changed: the dated lessons of those days follow (every class: bands differ by grade). */
  private calendarChanged(m: EntityManager, schoolId: string, from: string, to: string): Promise<void> {
    return this.sources.changed(m, { schoolId, from, to });
  }
}
