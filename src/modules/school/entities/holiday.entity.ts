import { Check, Column, Entity, Index } from 'typeorm';
import { YearScopedEntity } from './year-scoped.entity';

/** Каникулы: a range of days without lessons for a band of grades. */
@Entity('holiday')
@Index('ix_holiday_year', ['schoolId', 'academicYearId', 'startsOn'])
@Check('ck_holiday_dates', '"ends_on" >= "starts_on"')
@Check('ck_holiday_grades', '"grade_from" BETWEEN 1 AND 11 AND "grade_to" BETWEEN "grade_from" AND 11')
export class Holiday extends YearScopedEntity {
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'date' })
  startsOn!: string;

  @Column({ type: 'date' })
  endsOn!: string;

  @Column({ type: 'smallint', default: 1 })
  gradeFrom!: number;

  @Column({ type: 'smallint', default: 11 })
  gradeTo!: number;
}
