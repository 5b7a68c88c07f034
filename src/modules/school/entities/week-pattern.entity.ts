import { Check, Column, Entity, Index } from 'typeorm';
import { YearScopedEntity } from './year-scoped.entity';

/** Пятидневная / шестидневная учебная неделя for a band of grades. */
@Entity('week_pattern')
@Index('uq_week_pattern_band', ['schoolId', 'academicYearId', 'gradeFrom'], { unique: true })
@Check('ck_week_pattern_days', '"days_per_week" IN (5, 6)')
@Check('ck_week_pattern_grades', '"grade_from" BETWEEN 1 AND 11 AND "grade_to" BETWEEN "grade_from" AND 11')
export class WeekPattern extends YearScopedEntity {
  @Column({ type: 'smallint' })
  gradeFrom!: number;

  @Column({ type: 'smallint' })
  gradeTo!: number;

  @Column({ type: 'smallint' })
  daysPerWeek!: 5 | 6;
}
