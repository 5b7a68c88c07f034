import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../database/tenant.entity';
import { AcademicYear } from '../school/entities/academic-year.entity';
import { Staff } from './staff.entity';

/** A class (класс) of one academic year, e.g. «5А»: grade 1–11 and a letter. */
@Entity('school_class')
@Index('uq_school_class', ['schoolId', 'academicYearId', 'grade', 'letter'], { unique: true })
@Check('ck_school_class_grade', '"grade" BETWEEN 1 AND 11')
@Check('ck_school_class_letter', 'char_length("letter") BETWEEN 1 AND 4')
@Check('ck_school_class_shift', '"shift" IN (1, 2)')
@Check('ck_school_class_capacity', '"capacity" BETWEEN 1 AND 40')
export class SchoolClass extends TenantEntity {
  @Column({ type: 'uuid' })
  academicYearId!: string;

  @ApiHideProperty()
  @ManyToOne(() => AcademicYear, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'academic_year_id' })
  academicYear?: AcademicYear;

  @Column({ type: 'smallint' })
  grade!: number;

  @Column({ type: 'varchar', length: 4, collation: 'ru-RU-x-icu' })
  letter!: string;

  @Column({ type: 'uuid', nullable: true })
  classTeacherStaffId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => Staff, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'class_teacher_staff_id' })
  classTeacher?: Staff;

  @Column({ type: 'smallint', default: 1 })
  shift!: number;

  @Column({ type: 'smallint', nullable: true })
  capacity!: number | null;
}
