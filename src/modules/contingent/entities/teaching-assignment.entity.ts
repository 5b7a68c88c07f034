import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { numericTransformer } from '../../../database/base.entity';
import { TenantEntity } from '../../../database/tenant.entity';
import { AcademicYear } from '../../school/entities/academic-year.entity';
import { SchoolClass } from '../class.entity';
import { Staff } from '../staff.entity';
import { Subject } from '../subject.entity';
import { Subgroup } from './subgroup.entity';

/**
 * Учебная нагрузка: a teacher teaches a subject to a class, or to one subgroup of it, in an academic year, so many
 * hours a week. Several teachers per class and subject (one per subgroup) are normal.
 */
@Entity('teaching_assignment')
/** (year, staff, subject, class, subgroup) UNIQUE NULLS NOT DISTINCT — written by hand in the migration */
@Index('uq_teaching_assignment', { synchronize: false })
@Index('ix_teaching_assignment_staff', ['staffId', 'academicYearId'])
@Index('ix_teaching_assignment_class', ['classId'])
@Check('ck_teaching_assignment_hours', '"hours_per_week" > 0 AND "hours_per_week" <= 40')
export class TeachingAssignment extends TenantEntity {
  @Column({ type: 'uuid' })
  academicYearId!: string;

  @ApiHideProperty()
  @ManyToOne(() => AcademicYear, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'academic_year_id' })
  academicYear?: AcademicYear;

  @Column({ type: 'uuid' })
  staffId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Staff, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'staff_id' })
  staff?: Staff;

  @Column({ type: 'uuid' })
  subjectId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Subject, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'subject_id' })
  subject?: Subject;

  @Column({ type: 'uuid' })
  classId!: string;

  @ApiHideProperty()
  @ManyToOne(() => SchoolClass, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'class_id' })
  schoolClass?: SchoolClass;

  /** NULL: the whole class */
  @Column({ type: 'uuid', nullable: true })
  subgroupId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => Subgroup, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'subgroup_id' })
  subgroup?: Subgroup | null;

  @Column({ type: 'numeric', precision: 4, scale: 1, transformer: numericTransformer })
  hoursPerWeek!: number;
}
