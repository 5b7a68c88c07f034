import { ApiHideProperty } from '@nestjs/swagger';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../database/tenant.entity';
import { User } from '../../auth/entities/user.entity';

export enum Gender {
  Male = 'm',
  Female = 'f',
}

/**
 * A student (обучающийся) of the school. The personal file number (номер личного дела) is the stable key of the
 * secretary's imports. Which class the student is in, and when, lives in `enrollment`; a departed student keeps the
 * record and everything already written about them.
 */
@Entity('student')
@Index('uq_student_file_number', ['schoolId', 'personalFileNumber'], { unique: true })
@Index('ix_student_name', ['schoolId', 'surname', 'name', 'patronymic'])
@Index('uq_student_user', ['userId'], { unique: true, where: '"user_id" IS NOT NULL' })
@Check('ck_student_gender', `"gender" IN ('m', 'f')`)
@Check('ck_student_file_number', `char_length(btrim("personal_file_number")) BETWEEN 1 AND 32`)
export class Student extends TenantEntity {
  @Column({ type: 'varchar', length: 100, collation: 'ru-RU-x-icu' })
  surname!: string;

  @Column({ type: 'varchar', length: 100, collation: 'ru-RU-x-icu' })
  name!: string;

  @Column({ type: 'varchar', length: 100, collation: 'ru-RU-x-icu', nullable: true })
  patronymic!: string | null;

  @Column({ type: 'date' })
  birthDate!: string;

  @Column({ type: 'char', length: 1 })
  gender!: Gender;

  /** номер личного дела, unique in the school */
  @Column({ type: 'varchar', length: 32 })
  personalFileNumber!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  /** the student's own account, once an invitation code has been activated */
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id' })
  user?: User | null;

  /** when the class teacher last confirmed the card (§4.3.6) */
  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  verifiedByUserId!: string | null;

  @ApiHideProperty()
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'verified_by_user_id' })
  verifiedBy?: User | null;
}
