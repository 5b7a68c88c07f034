import { ApiHideProperty } from '@nestjs/swagger';
import { Column, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../database/tenant.entity';
import { AcademicYear } from './academic-year.entity';

/** A row that belongs to one academic year of its school (periods, holidays, calendar days, week patterns). */
export abstract class YearScopedEntity extends TenantEntity {
  @Column({ type: 'uuid' })
  academicYearId!: string;

  @ApiHideProperty()
  @ManyToOne(() => AcademicYear, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'academic_year_id' })
  academicYear?: AcademicYear;
}
