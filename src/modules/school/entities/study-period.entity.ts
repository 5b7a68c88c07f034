import { Check, Column, Entity, Index } from 'typeorm';
import { YearScopedEntity } from './year-scoped.entity';

export enum StudyPeriodKind {
  /** четверть */
  Quarter = 'quarter',
  /** триместр */
  Trimester = 'trimester',
  /** полугодие */
  HalfYear = 'half_year',
}

/** Учебный период (четверть / триместр / полугодие) for a band of grades. */
@Entity('study_period')
@Index('ix_study_period_year', ['schoolId', 'academicYearId', 'startsOn'])
@Index('uq_study_period_number', ['schoolId', 'academicYearId', 'gradeFrom', 'gradeTo', 'kind', 'number'], { unique: true })
@Check('ck_study_period_dates', '"ends_on" >= "starts_on"')
@Check('ck_study_period_grades', '"grade_from" BETWEEN 1 AND 11 AND "grade_to" BETWEEN "grade_from" AND 11')
@Check('ck_study_period_kind', `"kind" IN ('quarter', 'trimester', 'half_year')`)
export class StudyPeriod extends YearScopedEntity {
  @Column({ type: 'varchar', length: 20 })
  kind!: StudyPeriodKind;

  @Column({ type: 'smallint' })
  number!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'smallint' })
  gradeFrom!: number;

  @Column({ type: 'smallint' })
  gradeTo!: number;

  @Column({ type: 'date' })
  startsOn!: string;

  @Column({ type: 'date' })
  endsOn!: string;
}
