import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../database/tenant.entity';
import { User } from '../../auth/entities/user.entity';
import { Student } from './student.entity';

/** The kind of a guardian's relation to a student. */
export enum GuardianRelation {
  /** мать */
  Mother = 'mother',
  /** отец */
  Father = 'father',
  /** опекун */
  Guardian = 'guardian',
  /** попечитель */
  Trustee = 'trustee',
  /** приёмный родитель */
  FosterParent = 'foster_parent',
  /** иной законный представитель */
  Other = 'other',
}

/** A parent or other legal representative (родитель, законный представитель); one guardian, several children. */
@Entity('guardian')
@Index('ix_guardian_name', ['schoolId', 'surname', 'name', 'patronymic'])
@Index('uq_guardian_user', ['userId'], { unique: true, where: '"user_id" IS NOT NULL' })
export class Guardian extends TenantEntity {
  @Column({ type: 'varchar', length: 100, collation: 'ru-RU-x-icu' })
  surname!: string;

  @Column({ type: 'varchar', length: 100, collation: 'ru-RU-x-icu' })
  name!: string;

  @Column({ type: 'varchar', length: 100, collation: 'ru-RU-x-icu', nullable: true })
  patronymic!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  /** the guardian's account: one account for all of their children */
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id' })
  user?: User | null;
}

/** A student ↔ guardian link with the kind of relation (many to many). */
@Entity('student_guardian')
@Index('uq_student_guardian', ['studentId', 'guardianId'], { unique: true })
@Index('ix_student_guardian_guardian', ['guardianId'])
@Check(
  'ck_student_guardian_relation',
  `"relation" IN ('mother', 'father', 'guardian', 'trustee', 'foster_parent', 'other')`,
)
export class StudentGuardian extends TenantEntity {
  @Column({ type: 'uuid' })
  studentId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Student, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'student_id' })
  student?: Student;

  @Column({ type: 'uuid' })
  guardianId!: string;

  @ApiHideProperty()
  @ManyToOne(() => Guardian, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'guardian_id' })
  guardian?: Guardian;

  @Column({ type: 'varchar', length: 20 })
  relation!: GuardianRelation;
}
