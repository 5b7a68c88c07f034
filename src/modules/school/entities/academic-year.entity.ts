import { Check, Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../database/tenant.entity';

/** Учебный год, e.g. «2026/2027». */
@Entity('academic_year')
@Index('uq_academic_year_start', ['schoolId', 'startsOn'], { unique: true })
@Check('ck_academic_year_dates', '"ends_on" > "starts_on"')
export class AcademicYear extends TenantEntity {
  @Column({ type: 'varchar', length: 20 })
  name!: string;

  @Column({ type: 'date' })
  startsOn!: string;

  @Column({ type: 'date' })
  endsOn!: string;
}
