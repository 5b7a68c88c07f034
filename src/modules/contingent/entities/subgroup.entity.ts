import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../database/tenant.entity';
import { SchoolClass } from '../class.entity';
import { Subject } from '../subject.entity';
import { Student } from './student.entity';

/** A subgroup (подгруппа) of a class for one subject, e.g. «Английский язык, 1 группа». */
@Entity('subgroup')
@Index('uq_subgroup', ['classId', 'subjectId', 'name'], { unique: true })
@Check('ck_subgroup_name', 'char_length(btrim("name")) BETWEEN 1 AND 50')
export class Subgroup extends TenantEntity {
  @Column({ type: 'uuid' })
  classId!: string;

  @ApiHideProperty()
  @ManyToOne(() => SchoolClass, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'class_id' })
  schoolClass?: SchoolClass;

  @Column({ type: 'uuid' })
  subjectId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Subject, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'subject_id' })
  subject?: Subject;

  @Column({ type: 'varchar', length: 50, collation: 'ru-RU-x-icu' })
  name!: string;
}

/**
 * A student's membership of a subgroup over [starts_on, ends_on), like `enrollment`: a move between subgroups (§4.4.2)
 * closes one row and opens another, so who was in which group on a date stays answerable.
 */
@Entity('subgroup_member')
@Index('ix_subgroup_member_subgroup', ['subgroupId', 'startsOn'])
@Index('ix_subgroup_member_student', ['studentId'])
@Index('uq_subgroup_member_open', ['subgroupId', 'studentId'], { unique: true, where: '"ends_on" IS NULL' })
@Check('ck_subgroup_member_dates', '"ends_on" IS NULL OR "ends_on" > "starts_on"')
export class SubgroupMember extends TenantEntity {
  @Column({ type: 'uuid' })
  subgroupId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Subgroup, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'subgroup_id' })
  subgroup?: Subgroup;

  @Column({ type: 'uuid' })
  studentId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Student, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'student_id' })
  student?: Student;

  @Column({ type: 'date' })
  startsOn!: string;

  @Column({ type: 'date', nullable: true })
  endsOn!: string | null;
}
