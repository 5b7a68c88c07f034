import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { numericTransformer } from '../../../database/base.entity';
import { TenantEntity } from '../../../database/tenant.entity';
import { SchoolClass } from '../../contingent/class.entity';
import { Subject } from '../../contingent/subject.entity';
import { AcademicYear } from '../../school/entities/academic-year.entity';

/**
 * Учебный план: hours a year of a subject in an academic year, for a grade (1–11) or, as an override, for one class.
 * The effective hours of a class are its own row, else its grade's.
 */
@Entity('curriculum_hours')
@Index('uq_curriculum_hours_grade', ['schoolId', 'academicYearId', 'grade', 'subjectId'], { unique: true, where: '"class_id" IS NULL' })
@Index('uq_curriculum_hours_class', ['schoolId', 'classId', 'subjectId'], { unique: true, where: '"class_id" IS NOT NULL' })
@Check('ck_curriculum_hours_target', '("grade" IS NULL) <> ("class_id" IS NULL)')
@Check('ck_curriculum_hours_grade', '"grade" IS NULL OR "grade" BETWEEN 1 AND 11')
@Check('ck_curriculum_hours_hours', '"hours_per_year" > 0 AND "hours_per_year" <= 2000')
export class CurriculumHours extends TenantEntity {
  @Column({ type: 'uuid' })
  academicYearId!: string;

  @ApiHideProperty()
  @ManyToOne(() => AcademicYear, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'academic_year_id' })
  academicYear?: AcademicYear;

  @Column({ type: 'uuid' })
  subjectId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Subject, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'subject_id' })
  subject?: Subject;

  /** the grade of a grade row; NULL for a class override */
  @Column({ type: 'smallint', nullable: true })
  grade!: number | null;

  /** the class of a class override; NULL for a grade row */
  @Column({ type: 'uuid', nullable: true })
  classId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => SchoolClass, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'class_id' })
  schoolClass?: SchoolClass | null;

  @Column({ type: 'numeric', precision: 5, scale: 1, transformer: numericTransformer })
  hoursPerYear!: number;
}
