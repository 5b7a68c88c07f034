import { Check, Column, Entity, Index } from 'typeorm';
import { YearScopedEntity } from './year-scoped.entity';

export enum CalendarDayKind {
  /** нерабочий (праздничный) день */
  NonWorking = 'non_working',
  /** перенесённый рабочий день (e.g. a working Saturday) */
  Working = 'working',
}

/** An exception to the weekly pattern: a state holiday or a moved working day. */
@Entity('calendar_day')
@Index('uq_calendar_day_date', ['schoolId', 'date'], { unique: true })
@Index('ix_calendar_day_year', ['schoolId', 'academicYearId'])
@Check('ck_calendar_day_kind', `"kind" IN ('non_working', 'working')`)
@Check('ck_calendar_day_timetable_weekday', `"timetable_weekday" IS NULL OR ("kind" = 'working' AND "timetable_weekday" BETWEEN 1 AND 7)`)
export class CalendarDay extends YearScopedEntity {
  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: CalendarDayKind;

  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  /**
   * A moved working day: whose weekday's timetable it follows (1 Monday … 7 Sunday; e.g. a working Saturday «за
   * понедельник» is 1). NULL: its own weekday's. Only for a working day.
   */
  @Column({ type: 'smallint', nullable: true })
  timetableWeekday!: number | null;
}
